package org.fupin.relocation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fupin.plugin.testkit.Households;
import org.fupin.plugin.testkit.ProgramUnderTest;
import org.fupin.plugin.testkit.TestRuleContext;
import org.fupin.program.api.ProgramRecord;
import org.fupin.program.api.Reason;
import org.fupin.registry.model.Household;
import org.fupin.registry.model.HouseholdStatus;
import org.fupin.registry.model.Member;
import org.fupin.registry.model.Relation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 易地扶贫搬迁's rules with the numbers of DOMAIN.md §4, each threshold on both sides. */
class RelocationRulesTest {
    static final ProgramUnderTest RELOCATION = ProgramUnderTest.of(new RelocationRules()).assertValid();
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final String VILLAGE = Households.VILLAGE;

    /** A household of {@code persons} in 三组 of the test village. */
    static Household household(int persons) {
        List<Member> members = new ArrayList<>();
        members.add(Households.member("m-0", "马占山", 48).relation(Relation.HEAD).build());
        for (int i = 1; i < persons; i++) {
            members.add(Households.member("m-" + i, "马" + i, 10 + i).build());
        }
        return Households.household(HouseholdStatus.POOR, members.toArray(Member[]::new));
    }

    static ProgramRecord area(String region, String state, String groups) {
        Map<String, Object> data = new HashMap<>(Map.of("cause", "HIGH_COLD", "designatedOn", "2023-04-18"));
        if (groups != null) {
            data.put("groups", groups);
        }
        return new ProgramRecord("area-" + region, "area", state, null, null, null, region, data, Map.of(), Instant.EPOCH);
    }

    static ProgramRecord site(String code) {
        return new ProgramRecord("site-" + code, "site", "COMPLETED", null, null, null, "620502", Map.of("code", code,
                "siteName", "藏口安置点", "location", "秦州区藏口", "capacity", 60L), Map.of(), Instant.EPOCH);
    }

    /** The household in an area designated for its whole village, with one settlement site in the county. */
    static TestRuleContext designated(Household household) {
        return RELOCATION.context(household, TODAY).withRecords(area(VILLAGE, "DESIGNATED", null), site("QZ-AZD-01"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            the whole village                    | 620502101202 | DESIGNATED | -          | true
            the whole township                   | 620502101    | DESIGNATED | -          | true
            its group among two                  | 620502101202 | DESIGNATED | 一组、三组 | true
            its group, written with commas       | 620502101202 | DESIGNATED | 二组, 三组 | true
            other groups of its village          | 620502101202 | DESIGNATED | 一组、二组 | false
            a designation withdrawn              | 620502101202 | WITHDRAWN  | -          | false
            no area at all                       | -            | -          | -          | false
            """)
    void onlyHouseholdsOfADesignatedAreaMayMove(String what, String region, String state, String groups,
            boolean eligible) {
        var household = household(3);
        var context = "-".equals(region) ? RELOCATION.context(household, TODAY)
                : RELOCATION.context(household, TODAY).withRecords(area(region, state, "-".equals(groups) ? null
                        : groups));

        var verdict = RELOCATION.program().eligibility(context);
        var filing = RELOCATION.program().check(RELOCATION.filing(household, filing(3, "CENTRALIZED", "QZ-AZD-01",
                "75", "10000")), context.withRecords(context.records("area").toArray(ProgramRecord[]::new)));

        assertEquals(eligible, verdict.eligible(), verdict.toString());
        assertEquals(eligible ? "relocation.designated" : "relocation.not-designated", verdict.reasons().get(0).rule());
        assertEquals(eligible, filing.stream().noneMatch(r -> r.rule().equals("relocation.not-designated")),
                filing.toString());
    }

    /** DOMAIN.md §4: new housing at most 25 m² a person, the red line. */
    @ParameterizedTest(name = "{0} persons, {1} m²: {2}")
    @CsvSource(textBlock = """
            1, 25,    true
            1, 25.01, false
            3, 75,    true
            3, 75.5,  false
            5, 125,   true
            5, 126,   false
            """)
    void newHousingIsAtMost25SquareMetresAPerson(int persons, String area, boolean allowed) {
        var household = household(persons);

        var reasons = RELOCATION.program().check(RELOCATION.filing(household, filing(persons, "SCATTERED", null,
                area, "0")), designated(household));

        assertEquals(allowed ? List.of() : List.of("plannedArea"), reasons.stream().map(Reason::field).toList());
    }

    @Test
    void aCountyMayDrawTheLineLowerButTheBuiltHouseIsCheckedAgain() {
        var household = household(4);
        var lower = designated(household).withCountyValues("maxAreaPerPerson", "20");
        var application = RELOCATION.application("a-1", household, "AGREED", filing(4, "SCATTERED", null, "80", "0"));

        var filed = RELOCATION.program().check(RELOCATION.filing(household, filing(4, "SCATTERED", null, "81", "0")),
                lower);
        var builtLarger = RELOCATION.program().check(ProgramUnderTest.step("build", application, Map.of("builtOn",
                TODAY, "actualArea", new BigDecimal("100.5"), "evidence", "照片")), designated(household));
        var builtWithin = RELOCATION.program().check(ProgramUnderTest.step("build", application, Map.of("builtOn",
                TODAY, "actualArea", new BigDecimal("100"), "evidence", "照片")), designated(household));

        assertEquals(List.of("plannedArea"), filed.stream().map(Reason::field).toList());
        assertTrue(filed.get(0).message().zh().contains("80"), filed.toString());
        assertEquals(List.of("actualArea"), builtLarger.stream().map(Reason::field).toList());
        assertEquals(List.of(), builtWithin);
    }

    /** DOMAIN.md §4: the household pays at most 10,000 yuan itself. */
    @ParameterizedTest(name = "{0} yuan: {1}")
    @CsvSource(textBlock = """
            0,        true
            9999.99,  true
            10000,    true
            10000.01, false
            30000,    false
            """)
    void theHouseholdPaysAtMost10000YuanItself(String selfFunding, boolean allowed) {
        var household = household(2);

        var reasons = RELOCATION.program().check(RELOCATION.filing(household, filing(2, "CENTRALIZED", "QZ-AZD-01",
                "50", selfFunding)), designated(household));

        assertEquals(allowed ? List.of() : List.of("relocation.self-funding"),
                reasons.stream().map(Reason::rule).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a site of the county                    | 3 | CENTRALIZED | QZ-AZD-01 | -
            a site the county does not have         | 3 | CENTRALIZED | QZ-AZD-09 | relocation.site
            scattered, naming a site                | 3 | SCATTERED   | QZ-AZD-01 | relocation.site
            scattered                               | 3 | SCATTERED   | -         | -
            more people than the household has      | 4 | SCATTERED   | -         | relocation.persons
            """)
    void theModeTheSiteAndThePeopleAreThoseOfTheCounty(String what, int persons, String mode, String site,
            String rule) {
        var household = household(3);

        var reasons = RELOCATION.program().check(RELOCATION.filing(household, filing(persons, mode,
                "-".equals(site) ? null : site, "60", "3000")), designated(household));

        assertEquals("-".equals(rule) ? List.of() : List.of(rule), reasons.stream().map(Reason::rule).toList());
    }

    @Test
    void theAgreementIncludesDemolitionAndTheKeysComeBeforeMovingIn() {
        var household = household(2);
        var agreed = RELOCATION.application("a-1", household, "COUNTY_NOTICE", filing(2, "SCATTERED", null, "50",
                "0"));
        var built = RELOCATION.application("a-1", household, "BUILT", filing(2, "SCATTERED", null, "50", "0"));

        var withoutDemolition = RELOCATION.program().check(ProgramUnderTest.step("sign", agreed, Map.of(
                "agreementNumber", "BQ-1", "signedOn", TODAY, "demolitionAgreed", false)), designated(household));
        var withDemolition = RELOCATION.program().check(ProgramUnderTest.step("sign", agreed, Map.of(
                "agreementNumber", "BQ-1", "signedOn", TODAY, "demolitionAgreed", true)), designated(household));
        var early = RELOCATION.program().check(ProgramUnderTest.step("move-in", built, Map.of("keysHandedOn", TODAY,
                "movedInOn", TODAY.minusDays(1), "evidence", "入住确认书")), designated(household));
        var onTheDay = RELOCATION.program().check(ProgramUnderTest.step("move-in", built, Map.of("keysHandedOn",
                TODAY, "movedInOn", TODAY, "evidence", "入住确认书")), designated(household));

        assertEquals(List.of("demolitionAgreed"), withoutDemolition.stream().map(Reason::field).toList());
        assertEquals(List.of(), withDemolition);
        assertEquals(List.of("movedInOn"), early.stream().map(Reason::field).toList());
        assertEquals(List.of(), onTheDay);
    }

    @Test
    void rulesReadOnlyDeclaredRecordTypes() {
        var context = designated(household(2));

        assertThrows(IllegalArgumentException.class, () -> context.records("loan"));
        assertFalse(context.records("site").isEmpty());
    }

    static Map<String, Object> filing(int persons, String mode, String site, String area, String selfFunding) {
        Map<String, Object> data = new HashMap<>();
        data.put("persons", (long) persons);
        data.put("mode", mode);
        if (site != null) {
            data.put("settlementSite", site);
        }
        if ("SCATTERED".equals(mode)) {
            data.put("scatteredType", "RELATIVES");
        }
        data.put("plannedArea", new BigDecimal(area));
        data.put("selfFunding", new BigDecimal(selfFunding));
        return data;
    }
}
