package org.fupin.program.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A program plugin's service. The definition is data the platform reads (and shows to clients); the three rule
 * methods are called with a read-only {@link RuleContext} and must not write anything or keep state between
 * calls: they may be called concurrently and again at any time (the eligibility page re-runs them on every read).
 */
@ConsumerType
public interface Program {
    /** Descriptor, forms, workflow, reports and parameters. Called once when the service appears. */
    ProgramDefinition definition();

    /**
     * Household-level eligibility (the {@code /households/{id}/eligibility} page): may this household (or which of
     * its members) apply, and why not. Reasons that name a member carry its id.
     */
    Verdict eligibility(RuleContext context);

    /**
     * Rules beyond the form's field constraints for a step: filing ({@link Step#FILE}) or a workflow action. Every
     * returned reason refuses the step (HTTP 422); a reason naming a form field is reported against that field.
     */
    List<Reason> check(Step step, RuleContext context);

    /**
     * The benefits a step grants, computed from the parameters in force (e.g. one term's 1,500 yuan when a
     * payment is recorded). Called only for a step that passed {@link #check}; most steps grant nothing.
     */
    List<BenefitGrant> benefits(Step step, RuleContext context);

    /** Rules for a write to one of the program's records ({@link ProgramRules#checkRecord}); none by default. */
    default List<Reason> checkRecord(RecordWrite write, RuleContext context) {
        return List.of();
    }
}
