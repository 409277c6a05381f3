package org.fupin.yulu.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.fupin.program.api.Application;
import org.fupin.program.api.Benefit;
import org.fupin.program.api.ParameterDefinition;
import org.fupin.program.api.Parameters;
import org.fupin.program.api.ProgramDefinition;
import org.fupin.program.api.RuleContext;
import org.fupin.program.api.Step;
import org.fupin.program.declaration.DeclaredProgram;
import org.fupin.program.declaration.ProgramDeclarations;
import org.fupin.program.declaration.Resources;
import org.fupin.registry.api.Household;
import org.fupin.registry.api.HouseholdStatus;
import org.fupin.registry.api.LocalizedText;
import org.fupin.registry.api.Member;
import org.fupin.registry.api.Relation;
import org.fupin.registry.api.SchoolStatus;

/** Households, applications and rule contexts for the tests, built from the registry and program records. */
final class Fixtures {
    /** 雨露计划 as the platform runs it: its declaration read from the classpath, with its rules. */
    static final DeclaredProgram PROGRAM = new DeclaredProgram(
            ProgramDeclarations.read(Resources.of(Fixtures.class.getClassLoader())), new YuluRules());
    static final ProgramDefinition DEFINITION = PROGRAM.definition();
    /** A school-term day of the 2026/27 school year. */
    static final LocalDate TODAY = LocalDate.of(2026, 10, 15);
    static final String STUDENT_ID = "m-student";

    private Fixtures() {
    }

    static Member member(String id, String name, Integer age, SchoolStatus school) {
        return new Member(id, name, null, null, Relation.SON, "01", null, school, null, null, null, null, null,
                null, false, true, false, null, age);
    }

    /** The household's student: 17, in secondary vocational school. */
    static Member student() {
        return member(STUDENT_ID, "王小明", 17, SchoolStatus.SECONDARY_VOCATIONAL);
    }

    static Member parent() {
        return new Member("m-head", "王大山", null, null, Relation.HEAD, "01", null, SchoolStatus.NOT_IN_SCHOOL, null,
                null, null, null, null, null, false, true, true, null, 45);
    }

    static Household household(HouseholdStatus status, Member... members) {
        return new Household("h-1", 1L, "620502101201", "三组", null, null, null, null, null, null, null, status,
                2014, Arrays.asList(members), null, null, null, null, null, null, null, null);
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

    static TestContext context(Household household) {
        return new TestContext(household, List.of(), List.of(), new TestParameters(Map.of()), TODAY);
    }

    static TestContext context() {
        return context(household());
    }

    /**
     * Parameters as the platform gives them: the declared defaults overlaid with (county) overrides, each in force
     * from its year on. Every read, of any year, is recorded and must name a declared parameter.
     */
    static final class TestParameters {
        /** Overrides in force from any year. */
        private static final int ALWAYS = Integer.MIN_VALUE;

        /** name -> first year in force -> value */
        private final Map<String, NavigableMap<Integer, BigDecimal>> overrides = new HashMap<>();
        private final Set<String> read = ConcurrentHashMap.newKeySet();

        /** Overrides in force in every year. */
        TestParameters(Map<String, BigDecimal> overrides) {
            overrides.forEach((name, value) -> put(name, ALWAYS, value));
        }

        private void put(String name, int fromYear, BigDecimal value) {
            overrides.computeIfAbsent(name, n -> new TreeMap<>()).put(fromYear, value);
        }

        /** Overrides in force in every year, written in a test table: an empty cell keeps the default. */
        static TestParameters of(String... nameValuePairs) {
            Map<String, BigDecimal> overrides = new HashMap<>();
            for (int i = 0; i < nameValuePairs.length; i += 2) {
                if (nameValuePairs[i + 1] != null && !nameValuePairs[i + 1].isBlank()) {
                    overrides.put(nameValuePairs[i], new BigDecimal(nameValuePairs[i + 1]));
                }
            }
            return new TestParameters(overrides);
        }

        /** These overrides and {@code name} = {@code value} from {@code year} on (until a later override). */
        TestParameters from(int year, String name, String value) {
            TestParameters result = new TestParameters(Map.of());
            overrides.forEach((n, byYear) -> byYear.forEach((first, v) -> result.put(n, first, v)));
            result.put(name, year, new BigDecimal(value));
            return result;
        }

        /** The values in force in {@code year}. */
        Parameters in(int year) {
            return name -> {
                ParameterDefinition declared = DEFINITION.parameter(name)
                        .orElseThrow(() -> new IllegalArgumentException("undeclared parameter " + name));
                read.add(name);
                var inForce = overrides.getOrDefault(name, new TreeMap<>()).floorEntry(year);
                return inForce == null ? declared.defaultValue() : inForce.getValue();
            };
        }

        /** The names read so far, in any year. */
        Set<String> read() {
            return read;
        }
    }

    /** A rule context whose "this year" is the year of {@code today}. */
    record TestContext(Household household, List<Application> applications, List<Benefit> otherProgramBenefits,
            TestParameters values, LocalDate today) implements RuleContext {
        @Override
        public List<org.fupin.registry.api.StatusChange> statusHistory() {
            return List.of();
        }

        @Override
        public Parameters parameters() {
            return values.in(today.getYear());
        }

        @Override
        public Parameters parameters(int year) {
            return values.in(year);
        }

        TestContext withToday(LocalDate day) {
            return new TestContext(household, applications, otherProgramBenefits, values, day);
        }

        TestContext withApplications(Application... others) {
            return new TestContext(household, List.of(others), otherProgramBenefits, values, today);
        }

        TestContext withParameters(TestParameters parameters) {
            return new TestContext(household, applications, otherProgramBenefits, parameters, today);
        }
    }
}
