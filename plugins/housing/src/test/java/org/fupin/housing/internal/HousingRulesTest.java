package org.fupin.housing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fupin.plugin.testkit.Households;
import org.fupin.plugin.testkit.ProgramUnderTest;
import org.fupin.program.api.Reason;
import org.fupin.registry.model.Household;
import org.fupin.registry.model.HouseholdAttribute;
import org.fupin.registry.model.HouseholdStatus;
import org.fupin.registry.model.Member;
import org.fupin.registry.model.Relation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 农村危房改造's rules with the numbers of DOMAIN.md §5, each threshold on both sides. */
class HousingRulesTest {
    static final ProgramUnderTest HOUSING = ProgramUnderTest.of(new HousingRules()).assertValid();
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    /** A household of {@code persons}, its status and attribute, its house assessed {@code grade} (or not). */
    static Household household(int persons, HouseholdStatus status, HouseholdAttribute attribute, String grade,
            Member... extra) {
        List<Member> members = new ArrayList<>();
        members.add(Households.member("m-0", "张建华", 52).relation(Relation.HEAD).build());
        for (int i = 1; i < persons; i++) {
            members.add(Households.member("m-" + i, "张" + i, 20 + i).build());
        }
        members.addAll(Arrays.asList(extra));
        Household plain = Households.household(status, members.toArray(Member[]::new));
        Household typed = new Household(plain.id(), plain.version(), plain.villageCode(), plain.villageGroup(), null,
                null, null, null, attribute, null, null, plain.status(), plain.identifiedYear(), plain.members(),
                null, null, null, null, null, null, null, null);
        return grade == null ? typed : typed.withExtensions(Map.of(HousingRules.SAFETY_GRADE, grade));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            registered poor, grade D                | POOR      | GENERAL                 | D | true  | housing.priority
            returned to poverty, grade C            | RETURNED  | GENERAL                 | C | true  | housing.priority
            exited, on subsistence allowance        | EXITED    | SUBSISTENCE_ALLOWANCE   | D | true  | housing.priority
            near-poor, destitute supported at home  | NEAR_POOR | EXTREME_POVERTY_SUPPORT | C | true  | housing.priority
            exited, five-guarantees household       | EXITED    | FIVE_GUARANTEES         | C | true  | housing.priority
            exited, none of the four groups         | EXITED    | GENERAL                 | D | false | housing.not-priority
            registered poor, grade B                | POOR      | GENERAL                 | B | false | housing.not-dangerous
            registered poor, grade A                | POOR      | GENERAL                 | A | false | housing.not-dangerous
            registered poor, not assessed           | POOR      | GENERAL                 | - | false | housing.not-assessed
            """)
    void eligibleAreTheFourGroupsInAGradeCOrDHouse(String what, HouseholdStatus status, HouseholdAttribute attribute,
            String grade, boolean eligible, String rule) {
        var household = household(2, status, attribute, "-".equals(grade) ? null : grade);

        var verdict = HOUSING.program().eligibility(HOUSING.context(household, TODAY));

        assertEquals(eligible, verdict.eligible(), verdict.toString());
        assertEquals(rule, verdict.reasons().get(0).rule());
    }

    @Test
    void aDisabledMemberOrOneOnTheAllowanceMakesAPriorityHousehold() {
        var disabled = household(2, HouseholdStatus.EXITED, HouseholdAttribute.GENERAL, "D",
                Households.member("m-9", "张残", 40).disabilityCertificate("62050219860101123X42").build());
        var allowance = household(2, HouseholdStatus.EXITED, HouseholdAttribute.GENERAL, "D",
                Households.member("m-8", "张保", 70).subsistenceAllowance(true).build());

        assertEquals(List.of(PriorityGroup.DISABLED), PriorityGroup.of(disabled));
        assertEquals(List.of(PriorityGroup.SUBSISTENCE), PriorityGroup.of(allowance));
        assertTrue(HOUSING.program().eligibility(HOUSING.context(disabled, TODAY)).eligible());
    }

    /** DOMAIN.md §5: 1–3 persons 40–60 m², at least 20 / 30 / 40; above 3 persons 13–18 m² a person. */
    @ParameterizedTest(name = "{0} persons, {1} m²: {2}")
    @CsvSource(textBlock = """
            1, 19.9, false
            1, 20,   true
            1, 60,   true
            1, 60.1, false
            2, 29,   false
            2, 30,   true
            3, 39,   false
            3, 40,   true
            3, 60,   true
            3, 61,   false
            4, 51,   false
            4, 52,   true
            4, 72,   true
            4, 73,   false
            6, 77,   false
            6, 78,   true
            6, 108,  true
            6, 109,  false
            """)
    void aRebuiltHouseIsAsLargeAsTheHouseholdAllows(int persons, String area, boolean allowed) {
        var household = household(persons, HouseholdStatus.POOR, HouseholdAttribute.GENERAL, "D");

        var reasons = HOUSING.program().check(HOUSING.filing(household, filing("REGISTERED_POOR", "D", "REBUILD",
                area)), HOUSING.context(household, TODAY));

        assertEquals(allowed, reasons.isEmpty(), reasons.toString());
        if (!allowed) {
            assertEquals("plannedArea", reasons.get(0).field());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            grade C repaired                        | REGISTERED_POOR | C | REPAIR  |      | C | -
            grade C rebuilt                         | REGISTERED_POOR | C | REBUILD | 50   | C | housing.type
            grade D repaired                        | REGISTERED_POOR | D | REPAIR  |      | D | housing.type
            a grade the bureau did not assess       | REGISTERED_POOR | D | REBUILD | 50   | C | housing.grade
            a group the household is not in         | DESTITUTE       | D | REBUILD | 50   | D | housing.group
            a house the bureau has not assessed     | REGISTERED_POOR | D | REBUILD | 50   | - | housing.not-assessed
            a house the bureau found safe (B)       | REGISTERED_POOR | C | REPAIR  |      | B | housing.grade
            """)
    void theApplicationFollowsTheAssessmentAndTheRegister(String what, String group, String grade, String type,
            String area, String assessed, String rule) {
        var household = household(2, HouseholdStatus.POOR, HouseholdAttribute.GENERAL,
                "-".equals(assessed) ? null : assessed);

        var reasons = HOUSING.program().check(HOUSING.filing(household, filing(group, grade, type, area)),
                HOUSING.context(household, TODAY));

        assertEquals("-".equals(rule) ? List.of() : List.of(rule), reasons.stream().map(Reason::rule).toList());
    }

    @Test
    void aRebuildIsAcceptedOnlyWithinItsAreaAndPaidAtTheCountysRate() {
        var household = household(3, HouseholdStatus.POOR, HouseholdAttribute.GENERAL, "D");
        var application = HOUSING.application("a-1", household, "BUILDING", filing("REGISTERED_POOR", "D", "REBUILD",
                "55"));

        var tooSmall = HOUSING.program().check(ProgramUnderTest.step("accept", application, Map.of("acceptedOn",
                TODAY, "actualArea", new BigDecimal("38"), "safeNow", true)), HOUSING.context(household, TODAY));
        var noArea = HOUSING.program().check(ProgramUnderTest.step("accept", application, Map.of("acceptedOn", TODAY,
                "safeNow", true)), HOUSING.context(household, TODAY));
        var paid = HOUSING.program().benefits(ProgramUnderTest.step("pay", application, Map.of("voucher", "ZJ-01")),
                HOUSING.context(household, TODAY));
        var deepPoverty = HOUSING.program().benefits(ProgramUnderTest.step("pay", application, Map.of("voucher",
                "ZJ-02")), HOUSING.context(household, TODAY).withCountyValues("deepPovertyArea", "1"));
        var repaired = HOUSING.program().benefits(ProgramUnderTest.step("pay", HOUSING.application("a-2", household,
                "ACCEPTED", filing("REGISTERED_POOR", "C", "REPAIR", null)), Map.of("voucher", "ZJ-03")),
                HOUSING.context(household, TODAY).withCountyValues("repairSubsidy", "8000"));

        assertEquals(List.of("actualArea"), tooSmall.stream().map(Reason::field).toList());
        assertEquals(List.of("actualArea"), noArea.stream().map(Reason::field).toList());
        assertEquals(0, new BigDecimal("14000").compareTo(paid.get(0).amount()));
        assertEquals("2026", paid.get(0).period());
        assertEquals(0, new BigDecimal("16000").compareTo(deepPoverty.get(0).amount()), "+2,000 in deep poverty");
        assertEquals(0, new BigDecimal("8000").compareTo(repaired.get(0).amount()), "the province grades by type");
        assertFalse(HOUSING.program().check(ProgramUnderTest.step("accept", application, Map.of("acceptedOn", TODAY,
                "actualArea", new BigDecimal("60"), "safeNow", true)), HOUSING.context(household, TODAY))
                .iterator().hasNext());
    }

    @Test
    void aHouseholdIsRenovatedOnce() {
        var household = household(2, HouseholdStatus.POOR, HouseholdAttribute.GENERAL, "D");
        var paid = HOUSING.application("a-1", household, "PAID", filing("REGISTERED_POOR", "D", "REBUILD", "50"));
        var rejected = HOUSING.application("a-0", household, "REJECTED", filing("REGISTERED_POOR", "D", "REBUILD",
                "50"));
        var context = HOUSING.context(household, TODAY).withApplications(rejected, paid);

        var filing = HOUSING.program().check(HOUSING.filing(household, filing("REGISTERED_POOR", "D", "REBUILD",
                "50")), context);
        var verdict = HOUSING.program().eligibility(context);
        var afterRejection = HOUSING.program().check(HOUSING.filing(household, filing("REGISTERED_POOR", "D",
                "REBUILD", "50")), HOUSING.context(household, TODAY).withApplications(rejected));

        assertEquals(List.of("housing.renovated"), filing.stream().map(Reason::rule).toList());
        assertTrue(filing.get(0).message().zh().contains("a-1"), filing.toString());
        assertFalse(verdict.eligible());
        assertEquals(List.of(), afterRejection, "a rejected application does not count");
    }

    static Map<String, Object> filing(String group, String grade, String type, String area) {
        Map<String, Object> data = new HashMap<>();
        data.put("group", group);
        data.put("grade", grade);
        data.put("renovationType", type);
        if (area != null && !area.isBlank()) {
            data.put("plannedArea", new BigDecimal(area.strip()));
        }
        return data;
    }
}
