package org.fupin.program.declaration;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.fupin.program.api.BenefitGrant;
import org.fupin.program.api.Program;
import org.fupin.program.api.ProgramDefinition;
import org.fupin.program.api.ProgramMessages;
import org.fupin.program.api.ProgramRules;
import org.fupin.program.api.Reason;
import org.fupin.program.api.RecordWrite;
import org.fupin.program.api.RuleContext;
import org.fupin.program.api.Step;
import org.fupin.program.api.Verdict;
import org.fupin.registry.model.HouseholdStatus;
import org.fupin.registry.model.LocalizedText;

/**
 * A declared program as the platform runs it: the declaration's own rules (the household statuses it supports, the
 * amounts its actions grant) first, then the plugin's {@link ProgramRules}, if it has any. A plugin's tests run the
 * same class in an author's tests.
 */
public final class DeclaredProgram implements Program {
    /** A rules object that adds nothing, for a program declared without Java. */
    public static final ProgramRules NO_RULES = new ProgramRules() {
    };

    private static final ProgramMessages TEXTS = ProgramMessages.load(DeclaredProgram.class,
            "org.fupin.program.declaration.messages");

    private final Declaration declaration;
    private final ProgramRules rules;

    public DeclaredProgram(Declaration declaration, ProgramRules rules) {
        if (!declaration.usable()) {
            throw new IllegalArgumentException("the declaration has problems: " + declaration.problems());
        }
        this.declaration = declaration;
        this.rules = rules;
    }

    public Declaration declaration() {
        return declaration;
    }

    @Override
    public ProgramDefinition definition() {
        return declaration.definition();
    }

    @Override
    public Verdict eligibility(RuleContext context) {
        Optional<Reason> status = householdStatus(context);
        return status.isPresent() ? Verdict.ineligible(List.of(status.get())) : rules.eligibility(context);
    }

    @Override
    public List<Reason> check(Step step, RuleContext context) {
        List<Reason> reasons = new ArrayList<>();
        if (step.isFiling()) {
            householdStatus(context).ifPresent(reasons::add);
        }
        reasons.addAll(rules.check(step, context));
        return reasons;
    }

    @Override
    public List<BenefitGrant> benefits(Step step, RuleContext context) {
        List<BenefitGrant> grants = new ArrayList<>();
        Declaration.Grant grant = declaration.grants().get(step.action());
        if (grant != null) {
            int year = context.today().getYear();
            BigDecimal amount = grant.amountParameter() != null ? context.parameters().value(grant.amountParameter())
                    : (BigDecimal) step.data().get(grant.amountField());
            grants.add(new BenefitGrant(String.valueOf(year), year, TEXTS.text("period.year", year), amount));
        }
        grants.addAll(rules.benefits(step, context));
        return grants;
    }

    @Override
    public List<Reason> checkRecord(RecordWrite write, RuleContext context) {
        return rules.checkRecord(write, context);
    }

    private Optional<Reason> householdStatus(RuleContext context) {
        HouseholdStatus status = context.household().status();
        if (declaration.householdStatuses().isEmpty() || declaration.householdStatuses().contains(status)) {
            return Optional.empty();
        }
        Object label = status == null ? TEXTS.text("status.unknown") : status;
        ProgramMessages messages = declaration.messages();
        LocalizedText message = messages.has("rule.household-status")
                ? messages.text("rule.household-status", label)
                : TEXTS.text("rule.household-status", label, declaration.householdStatuses().stream().sorted()
                        .map(s -> s.label().zh()).collect(Collectors.joining("、")),
                        declaration.householdStatuses().stream().sorted().map(s -> s.label().en())
                                .collect(Collectors.joining("; ")));
        return Optional.of(Reason.of(definition().descriptor().id() + ".household-status", message));
    }
}
