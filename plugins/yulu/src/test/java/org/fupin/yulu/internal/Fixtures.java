package org.fupin.yulu.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fupin.plugin.testkit.Households;
import org.fupin.plugin.testkit.ProgramUnderTest;
import org.fupin.plugin.testkit.TestRuleContext;
import org.fupin.program.api.Application;
import org.fupin.program.api.Benefit;
import org.fupin.program.api.ProgramDefinition;
import org.fupin.program.api.Step;
import org.fupin.program.declaration.DeclaredProgram;
import org.fupin.registry.model.Household;
import org.fupin.registry.model.HouseholdStatus;
import org.fupin.registry.model.LocalizedText;
import org.fupin.registry.model.Member;
import org.fupin.registry.model.Relation;
import org.fupin.registry.model.SchoolStatus;

/** 雨露计划's households, applications and rule contexts for the tests, on the plugin test kit. */
final class Fixtures {
    /** 雨露计划 as the platform runs it: its declaration read and checked from the class path, with its rules. */
    static final ProgramUnderTest YULU = ProgramUnderTest.of(new YuluRules()).assertValid();
    static final DeclaredProgram PROGRAM = YULU.program();
    static final ProgramDefinition DEFINITION = YULU.definition();
    /** A school-term day of the 2026/27 school year. */
    static final LocalDate TODAY = LocalDate.of(2026, 10, 15);
    static final String STUDENT_ID = "m-student";

    private Fixtures() {
    }

    static Member member(String id, String name, Integer age, SchoolStatus school) {
        return Households.member(id, name, age).school(school).build();
    }

    /** The household's student: 17, in secondary vocational school. */
    static Member student() {
        return member(STUDENT_ID, "王小明", 17, SchoolStatus.SECONDARY_VOCATIONAL);
    }

    static Member parent() {
        return Households.member("m-head", "王大山", 45).relation(Relation.HEAD).build();
    }

    static Household household(HouseholdStatus status, Member... members) {
        return Households.household("620502101201", status, members);
    }

    /** A registered household of a parent and the student. */
    static Household household() {
        return household(HouseholdStatus.POOR, parent(), student());
    }

    /** Application form values as the platform hands them over: codes and text as String, integers as Long. */
    static Map<String, Object> filing(String schoolType, String schoolSubtype, long enrolmentYear,
            long programmeYears) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("student", STUDENT_ID);
        data.put("schoolName", "天水市职业技术学校");
        data.put("schoolType", schoolType);
        data.put("schoolSubtype", schoolSubtype);
        data.put("enrolmentYear", enrolmentYear);
        data.put("programmeYears", programmeYears);
        return data;
    }

    /** Enrolled in 2025 for three years: autumn 2025 to spring 2028. */
    static Map<String, Object> filing() {
        return filing("SECONDARY_VOCATIONAL", "TECHNICAL_SECONDARY", 2025, 3);
    }

    static Step fileStep(Map<String, Object> data) {
        return new Step(Step.FILE, application(null, (String) data.get("student"), "SUBMITTED", data, List.of()),
                data, null);
    }

    static Map<String, Object> payment(long termYear, String season) {
        return Map.of("termYear", termYear, "season", season, "enrolmentProof", "XJ-2026-0815");
    }

    static Step payStep(Application approved, long termYear, String season) {
        return new Step("pay", approved, payment(termYear, season), null);
    }

    static Application application(String id, String memberId, String state, Map<String, Object> data,
            List<Benefit> benefits) {
        return new Application(id, "yulu", "h-1", memberId, "620502101201", state, data, 3, null, List.of(),
                benefits, Instant.parse("2025-09-20T02:00:00Z"), Instant.parse("2025-10-20T02:00:00Z"));
    }

    /** The student's approved application (enrolled 2025, three years), with the given benefits. */
    static Application approved(List<Benefit> benefits) {
        return application("a-1", STUDENT_ID, "APPROVED", filing(), benefits);
    }

    static Benefit benefit(String applicationId, String memberId, String period) {
        int year = Integer.parseInt(period.substring(0, 4));
        return new Benefit("yulu", applicationId, "h-1", memberId, period, year, new LocalizedText(period, period),
                new BigDecimal("1500"), LocalDate.of(year, 10, 1));
    }

    static TestRuleContext context(Household household) {
        return YULU.context(household, TODAY);
    }

    static TestRuleContext context() {
        return context(household());
    }
}
