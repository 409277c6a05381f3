package org.fupin.yulu.internal;

import static org.fupin.yulu.internal.Fixtures.PROGRAM;
import static org.fupin.yulu.internal.Fixtures.STUDENT_ID;
import static org.fupin.yulu.internal.Fixtures.application;
import static org.fupin.yulu.internal.Fixtures.context;
import static org.fupin.yulu.internal.Fixtures.fileStep;
import static org.fupin.yulu.internal.Fixtures.filing;
import static org.fupin.yulu.internal.Fixtures.household;
import static org.fupin.yulu.internal.Fixtures.member;
import static org.fupin.yulu.internal.Fixtures.parent;
import static org.fupin.yulu.internal.Fixtures.student;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fupin.plugin.testkit.TestRuleContext;
import org.fupin.program.api.Reason;
import org.fupin.registry.model.HouseholdStatus;
import org.fupin.registry.model.SchoolStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilingTest {
    private static List<Reason> check(Map<String, Object> data, TestRuleContext context) {
        return PROGRAM.check(fileStep(data), context);
    }

    private static Optional<Reason> reason(List<Reason> reasons, String rule) {
        return reasons.stream().filter(r -> r.rule().equals(rule)).findFirst();
    }

    @Test
    void aValidApplicationPasses() {
        assertEquals(List.of(), check(filing(), context()));
    }

    @ParameterizedTest(name = "age {0}, minAge {1}, maxAge {2}: refused {3}")
    @CsvSource({
            "13,   ,   , true",
            "14,   ,   , false",
            "30,   ,   , false",
            "31,   ,   , true",
            "15, 16,   , true",
            "16, 16,   , false",
            "12, 12,   , false",
            "25,   , 25, false",
            "26,   , 25, true",
            "35,   , 35, false",
    })
    void age(int age, String minAge, String maxAge, boolean refused) {
        var household = household(HouseholdStatus.POOR, parent(),
                member(STUDENT_ID, "王小明", age, SchoolStatus.SECONDARY_VOCATIONAL));
        var context = context(household).withCountyValues("minAge", minAge, "maxAge", maxAge);

        List<Reason> reasons = check(filing(), context);

        assertEquals(refused, !reasons.isEmpty(), reasons::toString);
        if (refused) {
            int min = minAge == null ? 14 : Integer.parseInt(minAge);
            int max = maxAge == null ? 30 : Integer.parseInt(maxAge);
            Reason reason = reasons.get(0);
            assertEquals("yulu.age", reason.rule());
            assertEquals("student", reason.field());
            assertEquals("王小明今年" + age + "岁：雨露计划资助" + min + "至" + max + "岁的学生", reason.message().zh());
            assertEquals("王小明 is " + age + " years old: the Rain and Dew Plan supports students aged " + min
                    + " to " + max, reason.message().en());
        }
    }

    @Test
    void aStudentOfUnknownAgeIsRefused() {
        var household = household(HouseholdStatus.POOR, member(STUDENT_ID, "王小明", null, SchoolStatus.PRIMARY));

        Reason reason = check(filing(), context(household)).get(0);

        assertEquals("yulu.age", reason.rule());
        assertEquals("无法确定王小明的年龄，请先核对身份证号", reason.message().zh());
    }

    @ParameterizedTest(name = "{0} / {1}: refused {2}")
    @CsvSource({
            "SECONDARY_VOCATIONAL, TECHNICAL_SECONDARY,       false",
            "SECONDARY_VOCATIONAL, VOCATIONAL_HIGH,           false",
            "SECONDARY_VOCATIONAL, TECHNICIAN_SCHOOL,         false",
            "SECONDARY_VOCATIONAL, JUNIOR_COLLEGE,            true",
            "SECONDARY_VOCATIONAL, HIGHER_VOCATIONAL_COLLEGE, true",
            "SECONDARY_VOCATIONAL, TECHNICIAN_COLLEGE,        true",
            "HIGHER_VOCATIONAL,    TECHNICAL_SECONDARY,       true",
            "HIGHER_VOCATIONAL,    VOCATIONAL_HIGH,           true",
            "HIGHER_VOCATIONAL,    TECHNICIAN_SCHOOL,         true",
            "HIGHER_VOCATIONAL,    JUNIOR_COLLEGE,            false",
            "HIGHER_VOCATIONAL,    HIGHER_VOCATIONAL_COLLEGE, false",
            "HIGHER_VOCATIONAL,    TECHNICIAN_COLLEGE,        false",
    })
    void schoolSubtypeBelongsToTheType(String type, String subtype, boolean refused) {
        List<Reason> reasons = check(filing(type, subtype, 2025, 3), context());

        assertEquals(refused, !reasons.isEmpty(), reasons::toString);
        if (refused) {
            assertEquals("yulu.school-subtype", reasons.get(0).rule());
            assertEquals("schoolSubtype", reasons.get(0).field());
        }
    }

    @Test
    void theSubtypeMessageNamesBothTypes() {
        Reason reason = check(filing("HIGHER_VOCATIONAL", "VOCATIONAL_HIGH", 2025, 3), context()).get(0);

        assertEquals("“职业高中”不属于高职，而属于中职", reason.message().zh());
        assertEquals("a vocational high school is not higher vocational but secondary vocational",
                reason.message().en());
    }

    @ParameterizedTest(name = "enrolled {0}, today {1}: refused {2}")
    @CsvSource({
            "2026, 2026-10-15, false",
            "2027, 2026-10-15, true",
            "2027, 2026-12-31, true",
            "2027, 2027-01-01, false",
            "2020, 2021-03-01, false",
    })
    void enrolmentYearIsNotInTheFuture(long enrolmentYear, LocalDate today, boolean refused) {
        List<Reason> reasons = check(filing("SECONDARY_VOCATIONAL", "VOCATIONAL_HIGH", enrolmentYear, 3),
                context().withToday(today));

        assertEquals(refused, !reasons.isEmpty(), reasons::toString);
        if (refused) {
            assertEquals("yulu.enrolment-year", reasons.get(0).rule());
            assertEquals("enrolmentYear", reasons.get(0).field());
            assertEquals("入学年份" + enrolmentYear + "晚于今年（" + today.getYear() + "年）",
                    reasons.get(0).message().zh());
        }
    }

    @ParameterizedTest(name = "enrolled {0} for {1} years, today {2}: refused {3}")
    @CsvSource({
            "2023, 3, 2026-07-31, false",
            "2023, 3, 2026-08-01, true",
            "2024, 2, 2026-07-31, false",
            "2024, 2, 2026-08-01, true",
            "2021, 5, 2026-07-31, false",
            "2021, 5, 2026-08-01, true",
            "2025, 1, 2026-07-31, false",
            "2025, 1, 2026-08-01, true",
    })
    void programmeIsNotOver(long enrolmentYear, long programmeYears, LocalDate today, boolean refused) {
        List<Reason> reasons = check(filing("HIGHER_VOCATIONAL", "JUNIOR_COLLEGE", enrolmentYear, programmeYears),
                context().withToday(today));

        assertEquals(refused, !reasons.isEmpty(), reasons::toString);
        if (refused) {
            Reason reason = reasons.get(0);
            assertEquals("yulu.programme-over", reason.rule());
            assertEquals("enrolmentYear", reason.field());
            String end = (enrolmentYear + programmeYears) + "-07-31";
            assertEquals(enrolmentYear + "年入学、学制" + programmeYears + "年的学业已于" + end + "结束",
                    reason.message().zh());
            assertEquals("a " + programmeYears + "-year programme begun in " + enrolmentYear + " ended on " + end,
                    reason.message().en());
        }
    }

    @ParameterizedTest(name = "{0}: refused {1}")
    @CsvSource({
            "POOR,      false",
            "EXITED,    true",
            "RETURNED,  false",
            "NEAR_POOR, true",
            "MONITORED, false",
            "REMOVED,   true",
            "CLOSED,    true",
    })
    void householdStatus(HouseholdStatus status, boolean refused) {
        List<Reason> reasons = check(filing(), context(household(status, parent(), student())));

        assertEquals(refused, !reasons.isEmpty(), reasons::toString);
        if (refused) {
            assertEquals("yulu.household-status", reasons.get(0).rule());
            assertNull(reasons.get(0).field());
        }
    }

    @Test
    void everyFailedRuleIsReported() {
        var household = household(HouseholdStatus.EXITED, parent(),
                member(STUDENT_ID, "王小明", 31, SchoolStatus.HIGHER_VOCATIONAL));

        List<Reason> reasons = check(filing("SECONDARY_VOCATIONAL", "JUNIOR_COLLEGE", 2027, 3), context(household));

        assertEquals(List.of("yulu.household-status", "yulu.age", "yulu.school-subtype", "yulu.enrolment-year"),
                reasons.stream().map(Reason::rule).toList());
        assertTrue(reason(reasons, "yulu.programme-over").isEmpty());
    }
}
