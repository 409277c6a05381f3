package org.fupin.yulu.internal;

import static org.fupin.yulu.internal.Fixtures.PROGRAM;
import static org.fupin.yulu.internal.Fixtures.STUDENT_ID;
import static org.fupin.yulu.internal.Fixtures.application;
import static org.fupin.yulu.internal.Fixtures.approved;
import static org.fupin.yulu.internal.Fixtures.benefit;
import static org.fupin.yulu.internal.Fixtures.context;
import static org.fupin.yulu.internal.Fixtures.filing;
import static org.fupin.yulu.internal.Fixtures.household;
import static org.fupin.yulu.internal.Fixtures.parent;
import static org.fupin.yulu.internal.Fixtures.payStep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fupin.plugin.testkit.TestRuleContext;
import org.fupin.program.api.BenefitGrant;
import org.fupin.program.api.Reason;
import org.fupin.program.api.Step;
import org.fupin.registry.model.HouseholdStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The student enrolled in 2025 for three years: autumn 2025 to spring 2028. */
class PaymentTest {
    /** After the programme: every term of it has started. */
    private static final LocalDate LATER = LocalDate.of(2030, 1, 1);

    private static List<Reason> check(Step step, TestRuleContext context) {
        return PROGRAM.check(step, context);
    }

    @Test
    void aValidPaymentPasses() {
        assertEquals(List.of(), check(payStep(approved(List.of()), 2026, "AUTUMN"), context()));
    }

    @ParameterizedTest(name = "{0} {1}: refused {2}")
    @CsvSource({
            "2025, SPRING, true",
            "2025, AUTUMN, false",
            "2026, SPRING, false",
            "2027, AUTUMN, false",
            "2028, SPRING, false",
            "2028, AUTUMN, true",
            "2024, AUTUMN, true",
            "2029, SPRING, true",
    })
    void termWithinTheProgramme(long termYear, String season, boolean refused) {
        List<Reason> reasons = check(payStep(approved(List.of()), termYear, season), context().withToday(LATER));

        assertEquals(refused, !reasons.isEmpty(), reasons::toString);
        if (refused) {
            Reason reason = reasons.get(0);
            assertEquals("yulu.term-outside-programme", reason.rule());
            assertEquals("termYear", reason.field());
            String zhTerm = termYear + ("AUTUMN".equals(season) ? "年秋季学期" : "年春季学期");
            assertEquals(zhTerm + "不在学业期内（2025年秋季学期至2028年春季学期）", reason.message().zh());
            String enTerm = ("AUTUMN".equals(season) ? "autumn term " : "spring term ") + termYear;
            assertEquals(enTerm + " is outside the programme (autumn term 2025 to spring term 2028)",
                    reason.message().en());
        }
    }

    @ParameterizedTest(name = "{0} {1} on {2}: refused {3}")
    @CsvSource({
            "2026, AUTUMN, 2026-08-31, true",
            "2026, AUTUMN, 2026-09-01, false",
            "2027, SPRING, 2027-01-31, true",
            "2027, SPRING, 2027-02-01, false",
            "2028, SPRING, 2027-12-31, true",
    })
    void termHasStarted(long termYear, String season, LocalDate today, boolean refused) {
        List<Reason> reasons = check(payStep(approved(List.of()), termYear, season), context().withToday(today));

        assertEquals(refused, !reasons.isEmpty(), reasons::toString);
        if (refused) {
            Reason reason = reasons.get(0);
            assertEquals("yulu.term-not-started", reason.rule());
            assertEquals("termYear", reason.field());
            String start = termYear + ("AUTUMN".equals(season) ? "-09-01" : "-02-01");
            assertEquals(("AUTUMN".equals(season) ? "autumn term " : "spring term ") + termYear
                    + " has not started yet: it starts on " + start, reason.message().en());
        }
    }

    @Test
    void theStudentMustStillBeAMember() {
        var moved = household(HouseholdStatus.POOR, parent());

        List<Reason> reasons = check(payStep(approved(List.of()), 2026, "AUTUMN"), context(moved));

        assertEquals(1, reasons.size());
        assertEquals("yulu.student-left-household", reasons.get(0).rule());
        assertNull(reasons.get(0).field());
        assertEquals("该学生（成员" + STUDENT_ID + "）已不是本户成员，不能发放补助", reasons.get(0).message().zh());
    }

    @ParameterizedTest(name = "termAmount {0}: {1} {2} pays {5} for {3}")
    @CsvSource({
            "        , 2026, AUTUMN, 2026-09, 2026, 1500,    2026年秋季学期, autumn term 2026",
            "        , 2027, SPRING, 2027-02, 2027, 1500,    2027年春季学期, spring term 2027",
            "1600    , 2026, AUTUMN, 2026-09, 2026, 1600,    2026年秋季学期, autumn term 2026",
            "1750.50 , 2028, SPRING, 2028-02, 2028, 1750.50, 2028年春季学期, spring term 2028",
            "0       , 2026, AUTUMN, 2026-09, 2026, 0,       2026年秋季学期, autumn term 2026",
    })
    void aPaymentGrantsOneTermsAmount(String termAmount, long termYear, String season, String period, int year,
            BigDecimal amount, String zh, String en) {
        var context = context().withCountyValues("termAmount", termAmount);

        List<BenefitGrant> grants = PROGRAM.benefits(payStep(approved(List.of()), termYear, season), context);

        assertEquals(1, grants.size());
        BenefitGrant grant = grants.get(0);
        assertEquals(period, grant.period());
        assertEquals(year, grant.year());
        assertEquals(0, amount.compareTo(grant.amount()), grant.amount()::toString);
        assertEquals(zh, grant.periodLabel().zh());
        assertEquals(en, grant.periodLabel().en());
    }

    @ParameterizedTest(name = "termAmount 1600 from 2026: {1} {2} paid on {0} pays {4} for {3}")
    @CsvSource({
            "2026-10-15, 2026, AUTUMN, 2026-09, 1600",
            "2026-03-01, 2026, SPRING, 2026-02, 1600",
            "2026-03-01, 2025, AUTUMN, 2025-09, 1500",
            "2026-10-15, 2025, AUTUMN, 2025-09, 1500",
            "2027-03-01, 2025, AUTUMN, 2025-09, 1500",
            "2027-03-01, 2026, AUTUMN, 2026-09, 1600",
            "2027-03-01, 2027, SPRING, 2027-02, 1600",
    })
    void aTermPaidLateGetsTheAmountOfItsOwnYear(LocalDate paidOn, long termYear, String season, String period,
            BigDecimal amount) {
        var context = context().withToday(paidOn)
                .withCountyValue("termAmount", 2026, "1600");

        List<BenefitGrant> grants = PROGRAM.benefits(payStep(approved(List.of()), termYear, season), context);

        assertEquals(1, grants.size());
        assertEquals(period, grants.get(0).period());
        assertEquals(termYear, grants.get(0).year());
        assertEquals(0, amount.compareTo(grants.get(0).amount()), grants.get(0).amount()::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"verify", "object", "approve", "reject", "close"})
    void otherActionsNeitherCheckNorGrant(String action) {
        var step = new Step(action, approved(List.of()), Map.of(), "公示无异议");
        var context = context(household(HouseholdStatus.EXITED)).withToday(LocalDate.of(2040, 1, 1));

        assertEquals(List.of(), PROGRAM.check(step, context));
        assertEquals(List.of(), PROGRAM.benefits(step, context));
    }

    @Test
    void filingGrantsNothing() {
        assertEquals(List.of(), PROGRAM.benefits(Fixtures.fileStep(filing()), context()));
    }
}
