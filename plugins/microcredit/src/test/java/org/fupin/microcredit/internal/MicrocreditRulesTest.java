package org.fupin.microcredit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.fupin.registry.model.Household;
import org.fupin.registry.model.HouseholdStatus;
import org.fupin.registry.model.LabourAbility;
import org.fupin.registry.model.Relation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 扶贫小额信贷's rules with the numbers of DOMAIN.md §6, each threshold on both sides. */
class MicrocreditRulesTest {
    static final ProgramUnderTest MICROCREDIT = ProgramUnderTest.of(new MicrocreditRules()).assertValid();
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    static Household household(int borrowerAge, LabourAbility ability) {
        return Households.household(HouseholdStatus.EXITED,
                Households.member("m-0", "赵永福", borrowerAge).relation(Relation.HEAD).labour(ability).build(),
                Households.member("m-1", "赵小梅", 9).relation(Relation.DAUGHTER).build());
    }

    static ProgramRecord rating(String grade, String state) {
        return new ProgramRecord("r-1", "rating", state, "h-1", null, null, Households.VILLAGE, Map.of("integrity", 25L,
                "labour", 25L, "industry", 15L, "income", 15L, "grade", grade, "ratedOn", TODAY.minusMonths(3)),
                Map.of(), Instant.EPOCH);
    }

    static TestRuleContext rated(Household household, String grade) {
        return MICROCREDIT.context(household, TODAY).withRecords(rating(grade, "VALID"));
    }

    static Map<String, Object> filing(String amount, int term, boolean enterpriseUse) {
        return Map.of("borrower", "m-0", "amount", new BigDecimal(amount), "termMonths", (long) term, "purpose",
                "BREEDING", "enterpriseUse", enterpriseUse);
    }

    static List<String> filed(Household household, TestRuleContext context, Map<String, Object> data) {
        return MICROCREDIT.program().check(MICROCREDIT.filing(household, data), context).stream().map(Reason::rule)
                .toList();
    }

    /** DOMAIN.md §6: the four scores add up to a grade (AAA ≥ 90, AA ≥ 80, A ≥ 60, else B). */
    @ParameterizedTest(name = "{0}+{1}+{2}+{3} = {4}")
    @CsvSource(textBlock = """
            30, 30, 20, 10, AAA
            30, 30, 19, 10, AA
            25, 25, 20, 10, AA
            25, 25, 19, 10, A
            20, 20, 10, 10, A
            20, 20, 10, 9,  B
            0,  0,  0,  0,  B
            """)
    void theScoresMakeTheGrade(int integrity, int labour, int industry, int income, String grade) {
        var data = Map.<String, Object>of("integrity", (long) integrity, "labour", (long) labour, "industry",
                (long) industry, "income", (long) income, "grade", grade, "ratedOn", TODAY);
        var rating = new ProgramRecord(null, "rating", "VALID", "h-1", null, null, Households.VILLAGE, data, Map.of(),
                Instant.EPOCH);
        var context = MICROCREDIT.context(household(40, LabourAbility.ORDINARY), TODAY);

        assertEquals(List.of(), record(new RecordWrite(RecordWrite.Kind.CREATE, null, rating, data, null, null),
                context));
        var wrong = new HashMap<>(data);
        wrong.put("grade", grade.equals("AAA") ? "AA" : "AAA");
        assertEquals(List.of("microcredit.grade"), record(new RecordWrite(RecordWrite.Kind.CREATE, null, rating, wrong,
                null, null), context));
    }

    /** The credit limit by grade — 50,000 / 30,000 / 10,000 — and 50,000 at most. */
    @ParameterizedTest(name = "{0}, {1} yuan: {2}")
    @CsvSource(textBlock = """
            AAA, 50000,    -
            AA,  30000,    -
            AA,  30000.01, microcredit.amount
            A,   10000,    -
            A,   10000.01, microcredit.amount
            B,   5000,     microcredit.grade-b
            """)
    void aHouseholdBorrowsUpToItsGradesLimit(String grade, String amount, String rule) {
        var household = household(40, LabourAbility.ORDINARY);

        assertEquals("-".equals(rule) ? List.of() : List.of(rule), filed(household, rated(household, grade),
                filing(amount, 36, false)));
    }

    /** DOMAIN.md §6: borrowers aged 18–65 [2019], able to work. */
    @ParameterizedTest(name = "aged {0}, {1}: {2}")
    @CsvSource(textBlock = """
            17, ORDINARY, microcredit.age
            18, ORDINARY, -
            65, SKILLED,  -
            66, ORDINARY, microcredit.age
            40, LOST,     microcredit.labour
            40, NONE,     microcredit.labour
            """)
    void theBorrowerIs18To65AndAbleToWork(int age, LabourAbility ability, String rule) {
        var household = household(age, ability);

        assertEquals("-".equals(rule) ? List.of() : List.of(rule), filed(household, rated(household, "AA"),
                filing("20000", 24, false)));
        assertEquals("-".equals(rule), MICROCREDIT.program().eligibility(rated(household, "AA")).eligible());
    }

    @Test
    void noLoanWithoutARatingNorForACompanyNorLongerThanTheCountyAllows() {
        var household = household(40, LabourAbility.ORDINARY);
        var expired = MICROCREDIT.context(household, TODAY).withRecords(rating("AAA", "EXPIRED"));

        assertEquals(List.of("microcredit.not-rated"), filed(household, expired, filing("5000", 12, false)));
        assertEquals(List.of("microcredit.enterprise-use"), filed(household, rated(household, "AAA"),
                filing("5000", 12, true)));
        assertEquals(List.of("microcredit.term"), filed(household, rated(household, "AAA")
                .withCountyValues("maxTermMonths", "24"), filing("5000", 25, false)));
        assertEquals(List.of(), filed(household, rated(household, "AAA").withCountyValues("maxTermMonths", "24"),
                filing("5000", 24, false)));
    }

    // ---- the loan ----

    static final LocalDate ISSUED = LocalDate.of(2025, 6, 30);

    static ProgramRecord loan(String state, String repaid, Map<String, Object> more) {
        Map<String, Object> data = new HashMap<>(Map.of("borrower", "m-0", "contractNumber", "XD-2025-0001",
                "principal", new BigDecimal("30000"), "issuedOn", ISSUED, "termMonths", 24L, "dueDate",
                ISSUED.plusMonths(24)));
        data.putAll(more);
        return new ProgramRecord("l-1", "loan", state, "h-1", "m-0", "a-1", Households.VILLAGE, data,
                repaid == null ? Map.of() : Map.of("repayment", new BigDecimal(repaid)), Instant.EPOCH);
    }

    static List<String> record(RecordWrite write, TestRuleContext context) {
        return MICROCREDIT.program().checkRecord(write, context).stream().map(Reason::rule).toList();
    }

    static List<String> action(ProgramRecord loan, String action, Map<String, Object> data) {
        return record(new RecordWrite(RecordWrite.Kind.ACTION, action, loan, data, null, "原因"),
                MICROCREDIT.context(household(40, LabourAbility.ORDINARY), TODAY));
    }

    static List<String> entry(ProgramRecord loan, String entry, Map<String, Object> data) {
        return record(new RecordWrite(RecordWrite.Kind.ENTRY, entry, loan, data, TODAY, null),
                MICROCREDIT.context(household(40, LabourAbility.ORDINARY), TODAY));
    }

    @Test
    void aLoanBelongsToADisbursedApplicationAndIsDueAfterItsTerm() {
        var household = household(40, LabourAbility.ORDINARY);
        Application disbursed = MICROCREDIT.application("a-1", household, "DISBURSED", filing("30000", 24, false));
        Application approved = MICROCREDIT.application("a-1", household, "APPROVED", filing("30000", 24, false));
        var loan = loan("NORMAL", null, Map.of());
        var context = MICROCREDIT.context(household, TODAY).withApplications(disbursed);
        var create = new RecordWrite(RecordWrite.Kind.CREATE, null, loan, loan.data(), null, null);

        assertEquals(List.of(), record(create, context));
        assertEquals(List.of("microcredit.loan-application"), record(create, MICROCREDIT.context(household, TODAY)
                .withApplications(approved)));
        var wrong = new HashMap<>(loan.data());
        wrong.put("principal", new BigDecimal("30000.01"));
        wrong.put("dueDate", ISSUED.plusMonths(24).plusDays(1));
        assertEquals(List.of("microcredit.loan-principal", "microcredit.loan-due"), record(new RecordWrite(
                RecordWrite.Kind.CREATE, null, loan, wrong, null, null), context));
        var edited = new HashMap<>(loan.data());
        edited.put("contractNumber", "XD-2025-0002");
        assertEquals(List.of(), record(new RecordWrite(RecordWrite.Kind.EDIT, null, loan, edited, null, null),
                context), "a typo in the contract number may be fixed");
        edited.put("dueDate", ISSUED.plusMonths(30));
        assertEquals(List.of("microcredit.loan-edit"), record(new RecordWrite(RecordWrite.Kind.EDIT, null, loan,
                edited, null, null), context));
    }

    /** DOMAIN.md §6: extension at most once and by at most a year; renewal at most once. */
    @Test
    void aLoanIsExtendedOnceByAtMostAYearAndRenewedOnce() {
        LocalDate due = ISSUED.plusMonths(24);
        var loan = loan("OVERDUE", "10000", Map.of());

        assertEquals(List.of(), action(loan, "extend", Map.of("dueDate", due.plusMonths(12), "extendedOn", TODAY)));
        assertEquals(List.of("microcredit.extension"), action(loan, "extend", Map.of("dueDate",
                due.plusMonths(12).plusDays(1), "extendedOn", TODAY)));
        assertEquals(List.of("microcredit.extension"), action(loan, "extend", Map.of("dueDate", due,
                "extendedOn", TODAY)));
        assertEquals(List.of("microcredit.extended"), action(loan("OVERDUE", null, Map.of("extendedOn",
                LocalDate.of(2026, 1, 5))), "extend", Map.of("dueDate", due.plusMonths(6), "extendedOn", TODAY)));
        assertEquals(List.of(), action(loan("NORMAL", null, Map.of()), "renew", Map.of("dueDate",
                due.plusMonths(36), "renewedOn", TODAY)));
        assertEquals(List.of("microcredit.renewed"), action(loan("NORMAL", null, Map.of("renewedOn",
                LocalDate.of(2026, 1, 5))), "renew", Map.of("dueDate", due.plusMonths(12), "renewedOn", TODAY)));
    }

    /** DOMAIN.md §6: overdue after the due date; to the risk fund when overdue more than 90 days. */
    @ParameterizedTest(name = "{0} days after the due date: fall due {1}, compensate {2}")
    @CsvSource(textBlock = """
            0,  false, false
            1,  true,  false
            90, true,  false
            91, true,  true
            """)
    void aLoanFallsOverdueAfterItsDueDateAndIsCompensatedAfter90Days(int days, boolean overdue,
            boolean compensated) {
        var loan = loan("NORMAL", null, Map.of());
        LocalDate on = ISSUED.plusMonths(24).plusDays(days);
        var context = MICROCREDIT.context(household(40, LabourAbility.ORDINARY), on);

        assertEquals(overdue, record(new RecordWrite(RecordWrite.Kind.ACTION, "fall-due", loan, Map.of(), null, null),
                context).isEmpty());
        assertEquals(compensated, record(new RecordWrite(RecordWrite.Kind.ACTION, "compensate", loan("OVERDUE", null,
                Map.of()), Map.of(), null, null), context).isEmpty());
    }

    @Test
    void repaymentsNeverExceedWhatIsOwedAndOnlyARepaidLoanIsSettled() {
        assertEquals(List.of(), entry(loan("NORMAL", "10000", Map.of()), "repayment", Map.of("amount",
                new BigDecimal("20000"))));
        assertEquals(List.of("microcredit.repayment"), entry(loan("NORMAL", "10000", Map.of()), "repayment",
                Map.of("amount", new BigDecimal("20000.01"))));
        assertEquals(List.of("microcredit.settle"), action(loan("NORMAL", "29999.99", Map.of()), "settle", Map.of()));
        assertEquals(List.of(), action(loan("NORMAL", "30000", Map.of()), "settle", Map.of()));
    }

    /** The interest subsidy: balance × benchmark rate (4.35 %) × days ÷ 360, to the fen. */
    @ParameterizedTest(name = "{0} owed, {1} to {2}: {3}")
    @CsvSource(textBlock = """
            0,     2025-07-01, 2025-09-30, 333.50
            10000, 2025-10-01, 2025-12-31, 222.33
            0,     2025-06-30, 2025-06-30, 3.63
            """)
    void theCountyPaysTheInterestOnTheBalance(String repaid, LocalDate from, LocalDate to, String amount) {
        var loan = loan("NORMAL", repaid, Map.of());

        assertEquals(List.of(), entry(loan, "interest-subsidy", Map.of("periodStart", from, "periodEnd", to,
                "amount", new BigDecimal(amount))));
        assertEquals(List.of("microcredit.subsidy"), entry(loan, "interest-subsidy", Map.of("periodStart", from,
                "periodEnd", to, "amount", new BigDecimal(amount).add(new BigDecimal("0.01")))));
        assertEquals(List.of("microcredit.subsidy-period"), entry(loan, "interest-subsidy", Map.of("periodStart",
                ISSUED.minusDays(1), "periodEnd", to, "amount", new BigDecimal(amount))));
    }

    @Test
    void theRiskFundCompensatesNoMoreThanItHolds() {
        var fund = new ProgramRecord("f-1", "fund", "OPEN", null, null, null, "620502", Map.of("bank", "秦州区农村信用社",
                "openedOn", LocalDate.of(2024, 1, 1)), Map.of("deposit", new BigDecimal("2000000"), "compensation",
                new BigDecimal("1990000")), Instant.EPOCH);
        var county = MICROCREDIT.regionContext("620502", TODAY);

        assertEquals(List.of(), record(new RecordWrite(RecordWrite.Kind.ENTRY, "compensation", fund, Map.of("amount",
                new BigDecimal("10000"), "contractNumber", "XD-1"), TODAY, null), county));
        assertEquals(List.of("microcredit.compensation"), record(new RecordWrite(RecordWrite.Kind.ENTRY,
                "compensation", fund, Map.of("amount", new BigDecimal("10000.01"), "contractNumber", "XD-1"), TODAY,
                null), county));
        assertFalse(MicrocreditRules.subsidy(new BigDecimal("30000"), new BigDecimal("4.35"), TODAY, TODAY)
                .signum() < 0);
        assertTrue(MicrocreditRules.days(TODAY, TODAY) == 1);
    }
}
