package org.fupin.industry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fupin.plugin.testkit.Households;
import org.fupin.plugin.testkit.ProgramUnderTest;
import org.fupin.plugin.testkit.TestRuleContext;
import org.fupin.program.api.Application;
import org.fupin.program.api.ProgramRecord;
import org.fupin.program.api.Reason;
import org.fupin.program.api.RecordWrite;
import org.fupin.program.api.StepRecord;
import org.fupin.registry.model.Household;
import org.fupin.registry.model.HouseholdStatus;
import org.fupin.registry.model.Relation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 产业扶贫's rules with the numbers of DOMAIN.md §7 and GB 32100-2015, each threshold on both sides. */
class IndustryRulesTest {
    static final ProgramUnderTest INDUSTRY = ProgramUnderTest.of(new IndustryRules()).assertValid();
    static final LocalDate TODAY = LocalDate.of(2026, 8, 20);
    static final Household HOUSEHOLD = Households.household(HouseholdStatus.EXITED,
            Households.member("m-0", "杨守田", 46).relation(Relation.HEAD).build());
    static final String COUNTY = "620502";

    /** A project of {@code industry} verified at {@code scale}, approved and about to be paid. */
    static Application approved(String id, String industry, String scale) {
        var application = INDUSTRY.application(id, HOUSEHOLD, "APPROVED", Map.of("industry", industry,
                "plannedScale", new BigDecimal(scale)));
        var verified = new StepRecord("verify", "VILLAGE_NOTICE", "VERIFIED", "township", Instant.EPOCH, null,
                Map.of("verifiedOn", TODAY, "verifiedScale", new BigDecimal(scale), "evidence", "验收照片"));
        return new Application(application.id(), application.programId(), application.householdId(), null,
                application.villageCode(), application.state(), application.data(), 1, null, List.of(verified),
                List.of(), application.createdAt(), application.updatedAt(), null, false);
    }

    /** The subsidy at the default rates (cattle 2,000 a head, sheep 300, vegetables 1,000 a mu) and cap 10,000. */
    @ParameterizedTest(name = "{0} × {1}, {2} paid this year before: {3}")
    @CsvSource(textBlock = """
            CATTLE,     4,    0,     8000
            CATTLE,     5,    0,     10000
            CATTLE,     6,    0,     10000
            SHEEP,      20,   0,     6000
            VEGETABLES, 2.5,  0,     2500
            CATTLE,     4,    3000,  7000
            SHEEP,      10,   7000,  3000
            CATTLE,     1,    9999,  1
            """)
    void theVerifiedScaleIsPaidAtTheYearsRateUpToTheCap(String industry, String scale, String paidBefore,
            String expected) {
        var application = approved("a-2", industry, scale);
        var context = INDUSTRY.context(HOUSEHOLD, TODAY).withApplications(paid("a-1", paidBefore, TODAY.getYear()),
                paid("a-0", "9000", TODAY.getYear() - 1));

        var grants = INDUSTRY.program().benefits(ProgramUnderTest.step("pay", application, Map.of("voucher", "NY-1")),
                context);

        assertEquals(0, new BigDecimal(expected).compareTo(grants.get(0).amount()), grants.toString());
        assertEquals(List.of(), INDUSTRY.program().check(ProgramUnderTest.step("pay", application,
                Map.of("voucher", "NY-1")), context));
    }

    @Test
    void nothingIsPaidOnceTheYearsCapIsReachedOrNothingWasVerified() {
        var full = INDUSTRY.context(HOUSEHOLD, TODAY).withApplications(paid("a-1", "10000", TODAY.getYear()));
        var lower = INDUSTRY.context(HOUSEHOLD, TODAY).withCountyValues("capPerHousehold", "6000", "rateCattle", "1500");

        var capped = INDUSTRY.program().check(ProgramUnderTest.step("pay", approved("a-2", "CATTLE", "2"),
                Map.of("voucher", "NY-2")), full);
        var nothing = INDUSTRY.program().check(ProgramUnderTest.step("pay", approved("a-3", "PIGS", "0"),
                Map.of("voucher", "NY-3")), INDUSTRY.context(HOUSEHOLD, TODAY));
        var county = INDUSTRY.program().benefits(ProgramUnderTest.step("pay", approved("a-4", "CATTLE", "3"),
                Map.of("voucher", "NY-4")), lower);

        assertEquals(List.of("industry.household-cap"), capped.stream().map(Reason::rule).toList());
        assertEquals(List.of("industry.nothing-verified"), nothing.stream().map(Reason::rule).toList());
        assertEquals(0, new BigDecimal("4500").compareTo(county.get(0).amount()), "3 × 1,500, under the county's cap");
    }

    private static Application paid(String id, String amount, int year) {
        var application = INDUSTRY.application(id, HOUSEHOLD, "PAID", Map.of("industry", "PIGS", "plannedScale",
                BigDecimal.TEN));
        var benefit = INDUSTRY.benefit(application, String.valueOf(year), year, amount, LocalDate.of(year, 3, 1));
        return new Application(application.id(), application.programId(), application.householdId(), null,
                application.villageCode(), application.state(), application.data(), 1, null, List.of(),
                List.of(benefit), application.createdAt(), application.updatedAt(), null, false);
    }

    /** GB 32100-2015: 18 characters of 0-9 and A-Z without I, O, S, V, Z; the 18th a check character (mod 31). */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(textBlock = """
            91350200776049653A, -
            913502000728319549, -
            9135021359498494XQ, -
            91440101MA5CJQ4N59, -
            93620502MA74N8K2X9, -
            91350200776049653B, rule.credit-code.check
            9135021359498494X0, rule.credit-code.check
            91350200776049653,  rule.credit-code.length
            91350200776049653AA, rule.credit-code.length
            9135020077604965IA, rule.credit-code.characters
            91350200776049653a, rule.credit-code.characters
            """)
    void creditCodesAreCheckedByTheirCheckCharacter(String code, String problem) {
        assertEquals(problem, CreditCode.problem(code).map(CreditCode.Problem::key).orElse("-"));
    }

    @Test
    void anEntityIsRegisteredOnceUnderAValidCodeAndHouseholdsLinkOnlyToRegisteredOnes() {
        var cooperative = entity("e-1", "93620502MA74N8K2X9", "ACTIVE");
        var gone = entity("e-2", "91350200776049653A", "DEREGISTERED");
        var county = INDUSTRY.regionContext(COUNTY, TODAY).withRecords(cooperative, gone);
        var household = INDUSTRY.context(HOUSEHOLD, TODAY).withRecords(cooperative, gone);

        assertEquals(List.of("industry.credit-code"), rules(create(entity(null, "93620502MA74N8K2X0", "ACTIVE")),
                county));
        assertEquals(List.of("industry.credit-code-taken"), rules(create(entity(null, "93620502MA74N8K2X9",
                "ACTIVE")), county));
        assertEquals(List.of(), rules(create(entity(null, "91350200776049653A", "ACTIVE")), county),
                "a deregistered entity's code may be registered again");
        assertEquals(List.of(), rules(new RecordWrite(RecordWrite.Kind.EDIT, null, cooperative, cooperative.data(),
                null, null), county), "an entity keeps its own code");
        assertEquals(List.of(), rules(create(link("93620502MA74N8K2X9")), household));
        assertEquals(List.of("industry.entity"), rules(create(link("91350200776049653A")), household));
        assertEquals(List.of("industry.entity"), rules(create(link("91440101MA5CJQ4N59")), household));
    }

    /** DOMAIN.md §7: about 5 kW a supported household, at most 7; at most 300 kW a station (the form's bound). */
    @ParameterizedTest(name = "{0} kW for {1} households: {2}")
    @CsvSource(textBlock = """
            300,  43, true
            300,  42, false
            35,   5,  true
            35.5, 5,  false
            100,  20, true
            """)
    void aStationSupportsAHouseholdForEvery7KwAtMost(String kw, int households, boolean allowed) {
        var station = new ProgramRecord(null, "station", "OPERATING", null, null, null, "620502101202",
                Map.of("capacityKw", new BigDecimal(kw), "households", (long) households, "connectedOn", TODAY),
                Map.of(), Instant.EPOCH);

        var reasons = rules(create(station), INDUSTRY.regionContext("620502101202", TODAY));

        assertEquals(allowed ? List.of() : List.of("industry.station-capacity"), reasons);
    }

    @ParameterizedTest(name = "{0} distributed of 12,000 earned, 5,000 distributed before: {1}")
    @CsvSource(textBlock = """
            7000,    true
            7000.01, false
            """)
    void aStationDistributesNoMoreThanItEarned(String amount, boolean allowed) {
        var station = new ProgramRecord("s-1", "station", "OPERATING", null, null, null, "620502101202",
                Map.of("capacityKw", new BigDecimal("100"), "households", 20L, "connectedOn", TODAY),
                Map.of("income", new BigDecimal("12000"), "payout", new BigDecimal("5000")), Instant.EPOCH);

        var reasons = rules(new RecordWrite(RecordWrite.Kind.ENTRY, "payout", station, Map.of("amount",
                new BigDecimal(amount), "households", 20L, "purpose", "DIVIDEND"), TODAY, null),
                INDUSTRY.regionContext("620502101202", TODAY));

        assertEquals(allowed ? List.of() : List.of("industry.payout"), reasons);
    }

    static ProgramRecord entity(String id, String code, String state) {
        return new ProgramRecord(id, "entity", state, null, null, null, COUNTY, Map.of("entityName", "秦州区富民养殖合作社",
                "kind", "COOPERATIVE", "creditCode", code, "industry", "CATTLE"), Map.of(), Instant.EPOCH);
    }

    static ProgramRecord link(String code) {
        Map<String, Object> data = new HashMap<>(Map.of("creditCode", code, "mode", "ORDER_PURCHASE", "since", TODAY));
        return new ProgramRecord(null, "link", "ACTIVE", HOUSEHOLD.id(), null, null, HOUSEHOLD.villageCode(), data,
                Map.of(), Instant.EPOCH);
    }

    static RecordWrite create(ProgramRecord record) {
        return new RecordWrite(RecordWrite.Kind.CREATE, null, record, record.data(), null, null);
    }

    static List<String> rules(RecordWrite write, TestRuleContext context) {
        var reasons = INDUSTRY.program().checkRecord(write, context);
        assertTrue(reasons.stream().allMatch(r -> r.message().zh() != null && !r.message().zh().isBlank()));
        return reasons.stream().map(Reason::rule).toList();
    }
}
