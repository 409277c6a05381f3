package org.fupin.microcredit.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.fupin.program.api.ProgramDemo;
import org.fupin.program.api.Reason;
import org.fupin.registry.model.Household;
import org.fupin.registry.model.HouseholdStatus;
import org.osgi.service.component.annotations.Component;

/**
 * 扶贫小额信贷 in the demo county: the county's risk fund with its deposits; the credit cooperative rated one household
 * in fifteen of those it may lend to since January 2024 (most A or AA, some AAA, some B; a rating stays valid
 * three years); 150 rated households borrowed —
 * recommended, reviewed, approved and disbursed, the interest subsidised each quarter, most repaid and settled, some
 * extended or renewed once, a few left unpaid, overdue the day after their due date and compensated by the fund more
 * than 90 days later, the latest still being processed or running. A household's rating follows from its id, so the
 * loans can be sized to it; everything else from the households and the random.
 */
@Component(service = ProgramDemo.class, property = ProgramDemo.PROGRAM + "=" + MicrocreditRules.ID)
public final class MicrocreditDemo implements ProgramDemo {
    static final int MAX_CASES = 150;
    static final BigDecimal RATE = new BigDecimal("4.35");
    private static final Set<HouseholdStatus> LENT_TO = Set.of(HouseholdStatus.POOR, HouseholdStatus.RETURNED,
            HouseholdStatus.MONITORED, HouseholdStatus.EXITED, HouseholdStatus.NEAR_POOR);

    /** A household's rating: its four scores and the day it was rated, the same on every run. */
    record Rating(int integrity, int labour, int industry, int income, LocalDate ratedOn) {
        int score() {
            return integrity + labour + industry + income;
        }

        /** The grade by the default thresholds (the demo county keeps them). */
        String grade() {
            int score = score();
            return score >= 90 ? "AAA" : score >= 80 ? "AA" : score >= 60 ? "A" : "B";
        }

        BigDecimal limit() {
            return BigDecimal.valueOf(switch (grade()) {
                case "AAA" -> 50_000;
                case "AA" -> 30_000;
                case "A" -> 10_000;
                default -> 0;
            });
        }

        static Rating of(String householdId) {
            Random random = new Random(("rating-" + householdId).hashCode());
            return new Rating(18 + random.nextInt(13), 12 + random.nextInt(19), 8 + random.nextInt(13),
                    6 + random.nextInt(15), LocalDate.of(2024, 1, 10).plusDays(random.nextInt(1000)));
        }

        /** One household in fifteen of those the program lends to. */
        static boolean rated(Household household) {
            return LENT_TO.contains(household.status())
                    && new Random(("rated-" + household.id()).hashCode()).nextInt(15) == 0;
        }
    }

    @Override
    public List<RecordCase> records(List<Household> households, Random random, LocalDate today) {
        List<RecordCase> records = new ArrayList<>();
        String county = households.isEmpty() ? "620502" : households.get(0).villageCode().substring(0, 6);
        List<RecordStep> deposits = new ArrayList<>();
        deposits.add(RecordStep.entry("deposit", LocalDate.of(2024, 1, 15), Map.of("amount", new BigDecimal("2000000"),
                "source", "COUNTY_BUDGET"), "县财政注入风险补偿金"));
        deposits.add(RecordStep.entry("deposit", LocalDate.of(2025, 1, 20), Map.of("amount", new BigDecimal("1000000"),
                "source", "PROVINCE_BUDGET"), "省级财政补充风险补偿金"));
        for (int year = 2024; year < today.getYear(); year++) {
            deposits.add(RecordStep.entry("deposit", LocalDate.of(year, 12, 21), Map.of("amount",
                    new BigDecimal("31500.00"), "source", "INTEREST"), "风险补偿金专户年度利息"));
        }
        deposits.sort(Comparator.comparing(RecordStep::on));
        records.add(new RecordCase(MicrocreditRules.FUND, county, LocalDate.of(2024, 1, 10), Map.of("bank",
                "天水秦州农村商业银行", "openedOn", "2024-01-10"), deposits.stream().filter(d -> !d.on().isAfter(today))
                .toList()));
        for (Household household : households) {
            if (!Rating.rated(household)) {
                continue;
            }
            Rating rating = Rating.of(household.id());
            LocalDate on = rating.ratedOn().isAfter(today) ? today : rating.ratedOn();
            records.add(new RecordCase(MicrocreditRules.RATING, null, household.id(), on, Map.of("integrity",
                    rating.integrity(), "labour", rating.labour(), "industry", rating.industry(), "income",
                    rating.income(), "grade", rating.grade(), "ratedOn", on.toString()), List.of()));
        }
        return records;
    }

    @Override
    public List<Case> cases(List<Candidate> candidates, Random random, LocalDate today) {
        List<Case> cases = new ArrayList<>();
        int step = Math.max(1, candidates.size() / MAX_CASES);
        for (int i = 0; i < candidates.size() && cases.size() < MAX_CASES; i += step) {
            story(candidates.get(i), random, today).ifPresent(cases::add);
        }
        cases.sort(Comparator.comparing(Case::filedOn));
        return cases;
    }

    private static java.util.Optional<Case> story(Candidate candidate, Random random, LocalDate today) {
        Household household = candidate.household();
        Rating rating = Rating.of(household.id());
        String borrower = candidate.verdict().reasons().stream().map(Reason::memberId).filter(m -> m != null)
                .findFirst().orElse(null);
        LocalDate filed = rating.ratedOn().plusDays(5 + random.nextInt(300));
        if (borrower == null || !filed.isBefore(today)) {
            return java.util.Optional.empty();
        }
        int[] terms = {12, 24, 36, 36};
        int term = terms[random.nextInt(terms.length)];
        long thousands = Math.max(3, rating.limit().longValue() / 1000 * (40 + random.nextInt(61)) / 100);
        BigDecimal amount = BigDecimal.valueOf(thousands * 1000);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("borrower", borrower);
        data.put("amount", amount);
        data.put("termMonths", term);
        data.put("purpose", List.of("PLANTING", "BREEDING", "BREEDING", "PROCESSING", "TRADE", "SERVICES")
                .get(random.nextInt(6)));
        data.put("enterpriseUse", false);

        Timeline timeline = new Timeline(today);
        LocalDate recommended = filed.plusDays(3 + random.nextInt(6));
        timeline.add("recommend", recommended, Map.of(), null);
        LocalDate reviewed = recommended.plusDays(3 + random.nextInt(5));
        if (random.nextInt(100) < 5) {
            timeline.add("reject", reviewed, Map.of(), "经核实借款用途为家庭消费，不符合扶贫小额信贷要求");
            return java.util.Optional.of(new Case(household.id(), filed, data, timeline.actions()));
        }
        timeline.add("review", reviewed, Map.of(), null);
        LocalDate approved = reviewed.plusDays(5 + random.nextInt(8));
        timeline.add("approve", approved, Map.of(), null);
        LocalDate issued = approved.plusDays(3 + random.nextInt(8));
        String contract = "XD-" + issued.getYear() + "-" + String.format("%05d", random.nextInt(100_000));
        boolean disbursed = timeline.add("disburse", issued, Map.of("contractNumber", contract, "disbursedOn",
                issued.toString()), null);
        List<RecordCase> loans = disbursed ? List.of(loan(borrower, contract, amount, issued, term, random, today))
                : List.of();
        return java.util.Optional.of(new Case(household.id(), filed, data, timeline.actions(), loans));
    }

    /**
     * The loan's life: the interest subsidised quarter by quarter while it runs, and by the roll, repaid and settled
     * at maturity (most), extended or renewed once first, or left unpaid: overdue the day after its due date and
     * compensated by the fund 92 days after it; cut at today.
     */
    private static RecordCase loan(String borrower, String contract, BigDecimal principal, LocalDate issued, int term,
            Random random, LocalDate today) {
        LocalDate due = issued.plusMonths(term);
        List<RecordStep> steps = new ArrayList<>();
        int roll = random.nextInt(100);
        LocalDate paidUntil;
        if (roll < 7) {
            paidUntil = due;
            steps.add(RecordStep.action("fall-due", due.plusDays(1), Map.of(), null));
            steps.add(RecordStep.action("compensate", due.plusDays(92), Map.of(), "逾期超过 90 天，由风险补偿金代偿"));
        } else {
            LocalDate finalDue = due;
            if (roll < 15) {
                finalDue = due.plusMonths(6);
                steps.add(RecordStep.action("extend", due.minusDays(10), Map.of("dueDate", finalDue.toString(),
                        "extendedOn", due.minusDays(10).toString()), "受灾减产，申请展期半年"));
            } else if (roll < 25) {
                finalDue = due.plusMonths(12);
                steps.add(RecordStep.action("renew", due.minusDays(5), Map.of("dueDate", finalDue.toString(),
                        "renewedOn", due.minusDays(5).toString()), "扩大养殖规模，到期续贷一年"));
            }
            LocalDate repaid = finalDue.minusDays(random.nextInt(20));
            paidUntil = repaid.minusDays(6);
            steps.add(RecordStep.entry("repayment", repaid, Map.of("amount", principal), "到期一次性还本"));
            steps.add(RecordStep.action("settle", repaid, Map.of(), null));
        }
        // the interest of each quarter, subsidised ten days after it ends, on the whole principal (repaid at the end)
        for (LocalDate start = issued; start.isBefore(paidUntil);) {
            LocalDate quarterEnd = start.with(IsoFields.DAY_OF_QUARTER, 1).plusMonths(3).minusDays(1);
            LocalDate end = quarterEnd.isAfter(paidUntil) ? paidUntil : quarterEnd;
            steps.add(RecordStep.entry("interest-subsidy", end.plusDays(5), Map.of("periodStart", start.toString(),
                    "periodEnd", end.toString(), "amount", MicrocreditRules.subsidy(principal, RATE, start, end)), null));
            start = end.plusDays(1);
        }
        steps.sort(Comparator.comparing(RecordStep::on));
        List<RecordStep> happened = new ArrayList<>();
        for (RecordStep step : steps) {
            if (step.on().isAfter(today)) {
                break;
            }
            happened.add(step);
        }
        return new RecordCase(MicrocreditRules.LOAN, null, issued, Map.of("borrower", borrower, "contractNumber",
                contract, "principal", principal, "issuedOn", issued.toString(), "termMonths", term, "dueDate",
                due.toString()), happened);
    }
}
