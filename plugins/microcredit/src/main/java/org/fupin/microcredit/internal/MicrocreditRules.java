package org.fupin.microcredit.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.fupin.program.api.Application;
import org.fupin.program.api.Parameters;
import org.fupin.program.api.ProgramMessages;
import org.fupin.program.api.ProgramPlugin;
import org.fupin.program.api.ProgramRecord;
import org.fupin.program.api.ProgramRules;
import org.fupin.program.api.Reason;
import org.fupin.program.api.RecordWrite;
import org.fupin.program.api.RuleContext;
import org.fupin.program.api.Step;
import org.fupin.program.api.Verdict;
import org.fupin.registry.model.LabourAbility;
import org.fupin.registry.model.Member;
import org.osgi.service.component.annotations.Component;

/**
 * 扶贫小额信贷 (DOMAIN.md §6): a household the bank rated (评级授信: four scores → AAA / AA / A / B, each grade a
 * credit limit) borrows up to its limit and 50,000 yuan for up to 36 months, through a member aged 18–65 able to work,
 * for production and never for a company (户贷企用). The loan is a record of the disbursed application: repaid by
 * entries, its interest subsidised per period on the outstanding balance at the benchmark rate, extended once by at
 * most a year and renewed once; it falls overdue on its due date and is compensated from the county's risk fund 91
 * days later, both by the platform's clock. The workflow, the schedules and "no new loan while one is overdue or
 * compensated" are declared in {@code PROGRAM-INF/program.json}.
 */
@ProgramPlugin(MicrocreditRules.ID)
@Component(service = ProgramRules.class, property = ProgramRules.PROGRAM + "=" + MicrocreditRules.ID)
public final class MicrocreditRules implements ProgramRules {
    static final String ID = "microcredit";
    static final String RATING = "rating";
    static final String LOAN = "loan";
    static final String FUND = "fund";
    static final String VALID = "VALID";
    static final String DISBURSED = "DISBURSED";
    /** A loan overdue more than this many days is compensated from the risk fund (DOMAIN.md §6). */
    static final int OVERDUE_DAYS = 90;

    private final ProgramMessages messages = ProgramMessages.load(MicrocreditRules.class, ProgramMessages.DECLARED);

    @Override
    public Verdict eligibility(RuleContext context) {
        Optional<Reason> unrated = unrated(context);
        if (unrated.isPresent()) {
            return Verdict.ineligible(List.of(unrated.get()));
        }
        Parameters parameters = context.parameters();
        int minAge = parameters.integer("minAge");
        int maxAge = parameters.integer("maxAge");
        List<Reason> borrowers = context.household().members().stream()
                .filter(m -> canBorrow(m, minAge, maxAge))
                .map(m -> Reason.onMember(ID + ".borrower", m.id(), messages.text("rule.borrower", m.name(), m.age())))
                .toList();
        if (borrowers.isEmpty()) {
            return Verdict.ineligible(List.of(Reason.of(ID + ".no-borrower",
                    messages.text("rule.no-borrower", minAge, maxAge))));
        }
        String grade = grade(context).orElseThrow();
        List<Reason> reasons = new ArrayList<>();
        reasons.add(Reason.of(ID + ".rated", messages.text("rule.rated", messages.text("option.grade." + grade),
                plain(limit(grade, parameters)))));
        reasons.addAll(borrowers);
        return Verdict.eligible(reasons);
    }

    @Override
    public List<Reason> check(Step step, RuleContext context) {
        if (!step.isFiling()) {
            return List.of();
        }
        Map<String, Object> data = step.data();
        Parameters parameters = context.parameters();
        List<Reason> reasons = new ArrayList<>();
        unrated(context).ifPresent(reasons::add);
        String borrowerId = (String) data.get("borrower");
        context.household().members().stream().filter(m -> m.id().equals(borrowerId)).findFirst().ifPresent(m -> {
            int minAge = parameters.integer("minAge");
            int maxAge = parameters.integer("maxAge");
            if (m.age() == null || m.age() < minAge || m.age() > maxAge) {
                reasons.add(Reason.onField(ID + ".age", "borrower", messages.text("rule.age", m.age(), minAge,
                        maxAge)));
            }
            if (!ableToWork(m)) {
                reasons.add(Reason.onField(ID + ".labour", "borrower", messages.text("rule.labour")));
            }
        });
        BigDecimal amount = (BigDecimal) data.get("amount");
        grade(context).filter(g -> !"B".equals(g)).ifPresent(grade -> {
            BigDecimal limit = limit(grade, parameters).min(parameters.value("maxAmount"));
            if (amount != null && amount.compareTo(limit) > 0) {
                reasons.add(Reason.onField(ID + ".amount", "amount", messages.text("rule.amount",
                        messages.text("option.grade." + grade), plain(limit), plain(amount))));
            }
        });
        Object term = data.get("termMonths");
        int maxTerm = parameters.integer("maxTermMonths");
        if (term != null && ((Number) term).intValue() > maxTerm) {
            reasons.add(Reason.onField(ID + ".term", "termMonths", messages.text("rule.term", term, maxTerm)));
        }
        if (Boolean.TRUE.equals(data.get("enterpriseUse"))) {
            reasons.add(Reason.onField(ID + ".enterprise-use", "enterpriseUse",
                    messages.text("rule.enterprise-use")));
        }
        return reasons;
    }

    private Optional<Reason> unrated(RuleContext context) {
        Optional<String> grade = grade(context);
        if (grade.isEmpty()) {
            return Optional.of(Reason.of(ID + ".not-rated", messages.text("rule.not-rated")));
        }
        return "B".equals(grade.get()) ? Optional.of(Reason.of(ID + ".grade-b", messages.text("rule.grade-b")))
                : Optional.empty();
    }

    /** The grade of the household's latest valid rating. */
    static Optional<String> grade(RuleContext context) {
        return context.records(RATING).stream().filter(r -> VALID.equals(r.state()))
                .max(Comparator.comparing((ProgramRecord r) -> r.data().get("ratedOn").toString())
                        .thenComparing(ProgramRecord::createdAt))
                .map(r -> (String) r.data().get("grade"));
    }

    /** The grade a total score earns: AAA ≥ 90, AA ≥ 80, A ≥ 60, else B (the county's thresholds). */
    static String gradeOf(int score, Parameters parameters) {
        if (score >= parameters.integer("gradeAAAScore")) {
            return "AAA";
        }
        if (score >= parameters.integer("gradeAAScore")) {
            return "AA";
        }
        return score >= parameters.integer("gradeAScore") ? "A" : "B";
    }

    /** A grade's credit limit: 50,000 / 30,000 / 10,000 yuan for AAA / AA / A, none for B. */
    static BigDecimal limit(String grade, Parameters parameters) {
        return switch (grade) {
            case "AAA" -> parameters.value("limitAAA");
            case "AA" -> parameters.value("limitAA");
            case "A" -> parameters.value("limitA");
            default -> BigDecimal.ZERO;
        };
    }

    static boolean canBorrow(Member member, int minAge, int maxAge) {
        return member.age() != null && member.age() >= minAge && member.age() <= maxAge && ableToWork(member);
    }

    static boolean ableToWork(Member member) {
        return member.labourAbility() == null || member.labourAbility() == LabourAbility.ORDINARY
                || member.labourAbility() == LabourAbility.SKILLED;
    }

    // ---- records ----

    @Override
    public List<Reason> checkRecord(RecordWrite write, RuleContext context) {
        ProgramRecord record = write.record();
        Map<String, Object> data = write.data();
        return switch (record.type()) {
            case RATING -> write.kind() == RecordWrite.Kind.CREATE || write.kind() == RecordWrite.Kind.EDIT
                    ? rating(data, context.parameters()) : List.of();
            case LOAN -> loan(write, record, data, context);
            case FUND -> "compensation".equals(write.name()) ? compensation(record, data) : List.of();
            default -> List.of();
        };
    }

    private List<Reason> rating(Map<String, Object> data, Parameters parameters) {
        int integrity = number(data, "integrity");
        int labour = number(data, "labour");
        int industry = number(data, "industry");
        int income = number(data, "income");
        int score = integrity + labour + industry + income;
        String grade = gradeOf(score, parameters);
        return grade.equals(data.get("grade")) ? List.of() : List.of(Reason.onField(ID + ".grade", "grade",
                messages.text("rule.grade", score, integrity, labour, industry, income,
                        messages.text("option.grade." + grade))));
    }

    private List<Reason> loan(RecordWrite write, ProgramRecord loan, Map<String, Object> data, RuleContext context) {
        return switch (write.kind()) {
            case CREATE -> newLoan(loan, data, context);
            case EDIT -> List.of("principal", "termMonths", "issuedOn", "dueDate", "borrower", "extendedOn",
                    "renewedOn").stream().allMatch(f -> Objects.equals(loan.data().get(f), data.get(f))) ? List.of()
                    : List.of(Reason.of(ID + ".loan-edit", messages.text("rule.loan-edit")));
            case ACTION -> switch (write.name()) {
                case "extend" -> extension(loan, data, context.parameters());
                case "renew" -> renewal(loan, data, context.parameters());
                case "settle" -> owed(loan).signum() == 0 ? List.of() : List.of(Reason.of(ID + ".settle",
                        messages.text("rule.settle", plain(owed(loan)))));
                case "fall-due" -> context.today().isAfter(date(loan.data().get("dueDate"))) ? List.of()
                        : List.of(Reason.of(ID + ".not-due", messages.text("rule.not-due", loan.data().get("dueDate"))));
                case "compensate" -> overdueDays(loan, context.today()) > OVERDUE_DAYS ? List.of()
                        : List.of(Reason.of(ID + ".compensate", messages.text("rule.compensate",
                                overdueDays(loan, context.today()), OVERDUE_DAYS)));
                default -> List.of();
            };
            case ENTRY -> "repayment".equals(write.name()) ? repayment(loan, data)
                    : interestSubsidy(loan, data, context);
        };
    }

    private List<Reason> newLoan(ProgramRecord loan, Map<String, Object> data, RuleContext context) {
        Optional<Application> application = context.applications().stream()
                .filter(a -> a.id().equals(loan.applicationId()) && DISBURSED.equals(a.state())).findFirst();
        if (application.isEmpty()) {
            return List.of(Reason.of(ID + ".loan-application", messages.text("rule.loan-application")));
        }
        List<Reason> reasons = new ArrayList<>();
        BigDecimal applied = (BigDecimal) application.get().data().get("amount");
        BigDecimal principal = (BigDecimal) data.get("principal");
        if (principal.compareTo(applied) > 0) {
            reasons.add(Reason.onField(ID + ".loan-principal", "principal", messages.text("rule.loan-principal",
                    plain(principal), plain(applied))));
        }
        if (!Objects.equals(application.get().memberId(), data.get("borrower"))) {
            reasons.add(Reason.onField(ID + ".loan-borrower", "borrower", messages.text("rule.loan-borrower")));
        }
        LocalDate due = date(data.get("issuedOn")).plusMonths(number(data, "termMonths"));
        if (!due.equals(date(data.get("dueDate")))) {
            reasons.add(Reason.onField(ID + ".loan-due", "dueDate", messages.text("rule.loan-due", due)));
        }
        int maxTerm = context.parameters().integer("maxTermMonths");
        if (number(data, "termMonths") > maxTerm) {
            reasons.add(Reason.onField(ID + ".term", "termMonths", messages.text("rule.term",
                    data.get("termMonths"), maxTerm)));
        }
        return reasons;
    }

    /** Once, and to at most {@code maxExtensionMonths} (a year) after the loan's first due date. */
    private List<Reason> extension(ProgramRecord loan, Map<String, Object> data, Parameters parameters) {
        if (loan.data().get("extendedOn") != null) {
            return List.of(Reason.of(ID + ".extended", messages.text("rule.extended")));
        }
        LocalDate current = date(loan.data().get("dueDate"));
        int months = parameters.integer("maxExtensionMonths");
        LocalDate latest = current.plusMonths(months);
        LocalDate asked = date(data.get("dueDate"));
        return asked.isAfter(current) && !asked.isAfter(latest) ? List.of() : List.of(Reason.onField(
                ID + ".extension", "dueDate", messages.text("rule.extension", current, latest, months)));
    }

    /** Once, for at most the longest term again. */
    private List<Reason> renewal(ProgramRecord loan, Map<String, Object> data, Parameters parameters) {
        if (loan.data().get("renewedOn") != null) {
            return List.of(Reason.of(ID + ".renewed", messages.text("rule.renewed")));
        }
        LocalDate current = date(loan.data().get("dueDate"));
        LocalDate latest = current.plusMonths(parameters.integer("maxTermMonths"));
        LocalDate asked = date(data.get("dueDate"));
        return asked.isAfter(current) && !asked.isAfter(latest) ? List.of() : List.of(Reason.onField(
                ID + ".renewal", "dueDate", messages.text("rule.renewal", current, latest)));
    }

    private List<Reason> repayment(ProgramRecord loan, Map<String, Object> data) {
        BigDecimal amount = (BigDecimal) data.get("amount");
        BigDecimal owed = owed(loan);
        return amount.compareTo(owed) <= 0 ? List.of() : List.of(Reason.onField(ID + ".repayment", "amount",
                messages.text("rule.repayment", plain(amount), plain(owed))));
    }

    /**
     * The county pays the interest: for a period within the loan, the outstanding balance × the benchmark rate ×
     * the period's days ÷ 360, to the fen.
     */
    private List<Reason> interestSubsidy(ProgramRecord loan, Map<String, Object> data, RuleContext context) {
        LocalDate from = date(data.get("periodStart"));
        LocalDate to = date(data.get("periodEnd"));
        if (to.isBefore(from) || from.isBefore(date(loan.data().get("issuedOn")))
                || to.isAfter(date(loan.data().get("dueDate")))) {
            return List.of(Reason.onField(ID + ".subsidy-period", "periodEnd", messages.text("rule.subsidy-period",
                    from, to)));
        }
        BigDecimal expected = subsidy(owed(loan), context.parameters().value("benchmarkRate"), from, to);
        BigDecimal entered = (BigDecimal) data.get("amount");
        return expected.compareTo(entered) == 0 ? List.of() : List.of(Reason.onField(ID + ".subsidy", "amount",
                messages.text("rule.subsidy", plain(expected), plain(owed(loan)),
                        plain(context.parameters().value("benchmarkRate")), days(from, to), plain(entered))));
    }

    /** The interest on {@code balance} at {@code ratePercent} a year from {@code from} to {@code to}, both counted. */
    static BigDecimal subsidy(BigDecimal balance, BigDecimal ratePercent, LocalDate from, LocalDate to) {
        return balance.multiply(ratePercent).multiply(BigDecimal.valueOf(days(from, to)))
                .divide(BigDecimal.valueOf(36_000), 2, RoundingMode.HALF_UP);
    }

    static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    private List<Reason> compensation(ProgramRecord fund, Map<String, Object> data) {
        BigDecimal amount = (BigDecimal) data.get("amount");
        BigDecimal balance = fund.totals().getOrDefault("deposit", BigDecimal.ZERO)
                .subtract(fund.totals().getOrDefault("compensation", BigDecimal.ZERO));
        return amount.compareTo(balance) <= 0 ? List.of() : List.of(Reason.onField(ID + ".compensation", "amount",
                messages.text("rule.compensation", plain(amount), plain(balance))));
    }

    /** Days past the due date on {@code today} (the day after it is the first). */
    static long overdueDays(ProgramRecord loan, LocalDate today) {
        return ChronoUnit.DAYS.between(date(loan.data().get("dueDate")), today);
    }

    /** The principal still owed: the principal less the repayments so far. */
    static BigDecimal owed(ProgramRecord loan) {
        return ((BigDecimal) loan.data().get("principal"))
                .subtract(loan.totals().getOrDefault("repayment", BigDecimal.ZERO));
    }

    private static int number(Map<String, Object> data, String field) {
        Object value = data.get(field);
        return value == null ? 0 : ((Number) value).intValue();
    }

    private static LocalDate date(Object value) {
        return value instanceof LocalDate d ? d : LocalDate.parse(value.toString());
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
