package org.fupin.industry.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.fupin.program.api.Application;
import org.fupin.program.api.Benefit;
import org.fupin.program.api.BenefitGrant;
import org.fupin.program.api.ProgramMessages;
import org.fupin.program.api.ProgramPlugin;
import org.fupin.program.api.ProgramRecord;
import org.fupin.program.api.ProgramRules;
import org.fupin.program.api.Reason;
import org.fupin.program.api.RecordWrite;
import org.fupin.program.api.RuleContext;
import org.fupin.program.api.Step;
import org.fupin.program.api.StepRecord;
import org.fupin.registry.model.LocalizedText;
import org.osgi.service.component.annotations.Component;

/**
 * 产业扶贫 (DOMAIN.md §7): a household's project is subsidised on the scale the township verified, at the county's rate
 * of the year for its industry (per head or per mu), up to the cap per household and year; 带贫主体 are registered
 * under a valid unified social credit code, households are linked only to registered ones, and a village solar
 * station supports a household for every 7 kW at most and distributes no more than it earned. The workflow, the
 * notice, one open project a household and the yearly cap under concurrency are declared in
 * {@code PROGRAM-INF/program.json}.
 */
@ProgramPlugin(IndustryRules.ID)
@Component(service = ProgramRules.class, property = ProgramRules.PROGRAM + "=" + IndustryRules.ID)
public final class IndustryRules implements ProgramRules {
    static final String ID = "industry";
    static final String PAY = "pay";
    static final String VERIFY = "verify";
    static final String INDUSTRY = "industry";
    static final String VERIFIED_SCALE = "verifiedScale";
    static final String CAP = "capPerHousehold";
    static final String MAX_KW = "maxKwPerHousehold";
    static final String ENTITY = "entity";
    static final String LINK = "link";
    static final String STATION = "station";
    static final String CREDIT_CODE = "creditCode";
    static final String ACTIVE = "ACTIVE";

    private final ProgramMessages messages = ProgramMessages.load(IndustryRules.class, ProgramMessages.DECLARED);

    @Override
    public List<Reason> check(Step step, RuleContext context) {
        if (!PAY.equals(step.action())) {
            return List.of();
        }
        Subsidy subsidy = subsidy(step.application(), context);
        if (subsidy.verified().signum() == 0) {
            return List.of(Reason.of(ID + ".nothing-verified", messages.text("rule.nothing-verified")));
        }
        return subsidy.amount().signum() > 0 ? List.of() : List.of(Reason.onField(ID + ".household-cap", "voucher",
                messages.text("rule.nothing-left", plain(subsidy.paidThisYear()), plain(subsidy.cap()))));
    }

    @Override
    public List<BenefitGrant> benefits(Step step, RuleContext context) {
        if (!PAY.equals(step.action())) {
            return List.of();
        }
        int year = context.today().getYear();
        return List.of(new BenefitGrant(String.valueOf(year), year, new LocalizedText(year + "年", String.valueOf(year)),
                subsidy(step.application(), context).amount()));
    }

    /**
     * What a project earns: the verified scale times the rate in force this year for its industry, cut to what the
     * household's cap for the year leaves after its other projects' subsidies of the year.
     */
    Subsidy subsidy(Application application, RuleContext context) {
        String industry = (String) application.data().get(INDUSTRY);
        BigDecimal verified = application.steps().stream().filter(s -> VERIFY.equals(s.action()))
                .reduce((first, second) -> second).map(StepRecord::data)
                .map(d -> (BigDecimal) d.get(VERIFIED_SCALE)).orElse(BigDecimal.ZERO);
        BigDecimal rate = context.parameters().value(rateParameter(industry));
        int year = context.today().getYear();
        BigDecimal paid = context.applications().stream().flatMap(a -> a.benefits().stream())
                .filter(b -> b.year() == year).map(Benefit::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal cap = context.parameters().value(CAP);
        BigDecimal full = verified.multiply(rate).setScale(2, RoundingMode.HALF_UP);
        BigDecimal amount = full.min(cap.subtract(paid)).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
        return new Subsidy(verified, rate, full, paid, cap, amount);
    }

    /** The parameter with the rate of an industry: {@code CATTLE} → {@code rateCattle}. */
    static String rateParameter(String industry) {
        String lower = industry.toLowerCase(Locale.ROOT);
        return "rate" + Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    record Subsidy(BigDecimal verified, BigDecimal rate, BigDecimal full, BigDecimal paidThisYear, BigDecimal cap,
            BigDecimal amount) {
    }

    @Override
    public List<Reason> checkRecord(RecordWrite write, RuleContext context) {
        ProgramRecord record = write.record();
        boolean values = write.kind() == RecordWrite.Kind.CREATE || write.kind() == RecordWrite.Kind.EDIT;
        return switch (record.type()) {
            case ENTITY -> values ? entity(record, write.data(), context) : List.of();
            case LINK -> values ? link(write.data(), context) : List.of();
            case STATION -> values ? station(write.data(), context)
                    : "payout".equals(write.name()) ? payout(record, write.data()) : List.of();
            default -> List.of();
        };
    }

    private List<Reason> entity(ProgramRecord record, Map<String, Object> data, RuleContext context) {
        String code = (String) data.get(CREDIT_CODE);
        Optional<CreditCode.Problem> problem = CreditCode.problem(code);
        if (problem.isPresent()) {
            LocalizedText why = messages.text(problem.get().key(), problem.get().expected());
            return List.of(Reason.onField(ID + ".credit-code", CREDIT_CODE, messages.text("rule.credit-code", code,
                    why)));
        }
        return context.records(ENTITY).stream()
                .filter(other -> ACTIVE.equals(other.state()) && code.equals(other.data().get(CREDIT_CODE))
                        && !other.id().equals(record.id()))
                .findFirst()
                .map(other -> List.of(Reason.onField(ID + ".credit-code-taken", CREDIT_CODE, messages.text(
                        "rule.credit-code.taken", code, other.data().get("entityName")))))
                .orElse(List.of());
    }

    private List<Reason> link(Map<String, Object> data, RuleContext context) {
        String code = (String) data.get(CREDIT_CODE);
        boolean registered = context.records(ENTITY).stream()
                .anyMatch(entity -> ACTIVE.equals(entity.state()) && code.equals(entity.data().get(CREDIT_CODE)));
        return registered ? List.of() : List.of(Reason.onField(ID + ".entity", CREDIT_CODE,
                messages.text("rule.entity-unknown", code)));
    }

    /** DOMAIN.md §7: about 5 kW per supported household, at most 7 ({@code maxKwPerHousehold}). */
    private List<Reason> station(Map<String, Object> data, RuleContext context) {
        BigDecimal capacity = (BigDecimal) data.get("capacityKw");
        BigDecimal households = new BigDecimal(data.get("households").toString());
        BigDecimal max = context.parameters().value(MAX_KW);
        BigDecimal perHousehold = capacity.divide(households, 2, RoundingMode.HALF_UP);
        return capacity.compareTo(max.multiply(households)) <= 0 ? List.of() : List.of(Reason.onField(
                ID + ".station-capacity", "capacityKw", messages.text("rule.station-capacity", plain(capacity),
                        households, plain(perHousehold), plain(max))));
    }

    /** A station distributes what it earned: its income so far, less what it distributed already. */
    private List<Reason> payout(ProgramRecord station, Map<String, Object> data) {
        BigDecimal amount = (BigDecimal) data.get("amount");
        BigDecimal left = station.totals().getOrDefault("income", BigDecimal.ZERO)
                .subtract(station.totals().getOrDefault("payout", BigDecimal.ZERO));
        return amount.compareTo(left) <= 0 ? List.of() : List.of(Reason.onField(ID + ".payout", "amount",
                messages.text("rule.payout", plain(amount), plain(left))));
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
