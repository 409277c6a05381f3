package org.fupin.yulu.internal;

import static org.fupin.yulu.internal.Fixtures.PROGRAM;
import static org.fupin.yulu.internal.Fixtures.context;
import static org.fupin.yulu.internal.Fixtures.household;
import static org.fupin.yulu.internal.Fixtures.member;
import static org.fupin.yulu.internal.Fixtures.parent;
import static org.fupin.yulu.internal.Fixtures.student;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.fupin.program.api.Reason;
import org.fupin.program.api.Verdict;
import org.fupin.registry.model.HouseholdStatus;
import org.fupin.registry.model.SchoolStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EligibilityTest {
    @ParameterizedTest(name = "{0}: eligible {1}")
    @CsvSource({
            "POOR,      true,  未脱贫,     not yet out of poverty",
            "EXITED,    false, 已脱贫,     exited poverty",
            "RETURNED,  true,  返贫,       returned to poverty",
            "NEAR_POOR, false, 边缘户,     near-poor",
            "MONITORED, true,  脱贫监测户, 'exited, monitored'",
            "REMOVED,   false, 剔除,       removed (wrongly included)",
            "CLOSED,    false, 自然销户,   closed (household ended)",
    })
    void householdStatus(HouseholdStatus status, boolean eligible, String zh, String en) {
        Verdict verdict = PROGRAM.eligibility(context(household(status, parent(), student())));

        assertEquals(eligible, verdict.eligible());
        if (eligible) {
            assertEquals(List.of("yulu.candidate"), verdict.reasons().stream().map(Reason::rule).toList());
        } else {
            assertEquals(1, verdict.reasons().size());
            Reason reason = verdict.reasons().get(0);
            assertEquals("yulu.household-status", reason.rule());
            assertNull(reason.field());
            assertEquals("户状态为“" + zh + "”：雨露计划只资助未脱贫户、返贫户和脱贫监测户", reason.message().zh());
            assertTrue(reason.message().en().startsWith("the household's status is \"" + en + "\""),
                    reason.message().en());
        }
    }

    @Test
    void theStatusTableCoversEveryStatus() {
        // the table above names every value; a new registry status must be decided here
        assertEquals(7, HouseholdStatus.values().length);
        assertEquals(EnumSet.of(HouseholdStatus.POOR, HouseholdStatus.RETURNED, HouseholdStatus.MONITORED),
                PROGRAM.declaration().householdStatuses());
    }

    @ParameterizedTest(name = "age {0}, minAge {1}, maxAge {2}: candidate {3}")
    @CsvSource({
            "13,   ,   , false",
            "14,   ,   , true",
            "30,   ,   , true",
            "31,   ,   , false",
            "15, 16,   , false",
            "16, 16,   , true",
            "13, 12,   , true",
            "25,   , 25, true",
            "26,   , 25, false",
            "35,   , 35, true",
    })
    void candidateAge(int age, String minAge, String maxAge, boolean candidate) {
        var household = household(HouseholdStatus.POOR, parent(),
                member("m-1", "王小明", age, SchoolStatus.HIGHER_VOCATIONAL));
        Verdict verdict = PROGRAM.eligibility(context(household).withCountyValues("minAge", minAge, "maxAge", maxAge));

        assertEquals(candidate, verdict.eligible());
        Reason reason = verdict.reasons().get(0);
        if (candidate) {
            assertEquals("yulu.candidate", reason.rule());
            assertEquals("m-1", reason.memberId());
            assertEquals("王小明（" + age + "岁，高职）可以申请", reason.message().zh());
        } else {
            int min = minAge == null ? 14 : Integer.parseInt(minAge);
            int max = maxAge == null ? 30 : Integer.parseInt(maxAge);
            assertEquals("yulu.no-student", reason.rule());
            assertEquals("本户没有" + min + "至" + max + "岁、在读中职或高职的成员", reason.message().zh());
            assertEquals("no member of the household is " + min + " to " + max
                    + " years old and in secondary or higher vocational education", reason.message().en());
        }
    }

    @ParameterizedTest(name = "{0}: candidate {1}")
    @CsvSource({
            "PRESCHOOL,            false",
            "PRIMARY,              false",
            "JUNIOR_SECONDARY,     false",
            "SENIOR_SECONDARY,     false",
            "SECONDARY_VOCATIONAL, true",
            "HIGHER_VOCATIONAL,    true",
            "UNDERGRADUATE,        false",
            "NOT_IN_SCHOOL,        false",
    })
    void schoolStage(SchoolStatus stage, boolean candidate) {
        var household = household(HouseholdStatus.POOR, parent(), member("m-1", "王小明", 17, stage));

        assertEquals(candidate, PROGRAM.eligibility(context(household)).eligible());
    }

    @Test
    void theSchoolStageTableCoversEveryStage() {
        assertEquals(8, SchoolStatus.values().length);
    }

    @Test
    void everyStudentOfTheHouseholdIsACandidate() {
        var household = household(HouseholdStatus.MONITORED, parent(),
                member("m-1", "王小明", 17, SchoolStatus.SECONDARY_VOCATIONAL),
                member("m-2", "王小红", 20, SchoolStatus.HIGHER_VOCATIONAL),
                member("m-3", "王小刚", 16, SchoolStatus.SENIOR_SECONDARY),
                member("m-4", "王小华", null, SchoolStatus.HIGHER_VOCATIONAL));

        Verdict verdict = PROGRAM.eligibility(context(household));

        assertTrue(verdict.eligible());
        assertEquals(List.of("m-1", "m-2"), verdict.reasons().stream().map(Reason::memberId).toList());
        assertEquals(Set.of("yulu.candidate"), Set.copyOf(verdict.reasons().stream().map(Reason::rule).toList()));
        assertEquals("王小红（20岁，高职）可以申请", verdict.reasons().get(1).message().zh());
        assertEquals("王小红 (20 years old, higher vocational) may apply", verdict.reasons().get(1).message().en());
    }

    @Test
    void aHouseholdWithoutStudentsIsNotEligible() {
        Verdict verdict = PROGRAM.eligibility(context(household(HouseholdStatus.POOR, parent())));

        assertFalse(verdict.eligible());
        assertEquals(List.of("yulu.no-student"), verdict.reasons().stream().map(Reason::rule).toList());
    }
}
