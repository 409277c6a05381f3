package org.fupin.program.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The rules of a declared program that need code. A plugin whose {@code PROGRAM-INF/program.json} says
 * {@code "rules": true} registers one such service with the service property {@value #PROGRAM} set to its program
 * id; the platform offers the program only while the service runs. Everything else (forms, workflow, limits,
 * household statuses, simple grants, reports, parameters) is declared, and checked by the platform before a rule is
 * asked. Rules are called with a read-only {@link RuleContext}, may be called concurrently and again at any time, and
 * must neither write nor keep state between calls. Each method has a default that adds nothing.
 */
@ConsumerType
public interface ProgramRules {
    /** The service property naming the program these rules belong to, e.g. {@code fupin.program=yulu}. */
    String PROGRAM = "fupin.program";

    /**
     * Household-level eligibility beyond the declared household statuses: which members may apply and why, or why
     * not. Called only for a household whose status the program supports.
     */
    default Verdict eligibility(RuleContext context) {
        return Verdict.eligible(List.of());
    }

    /**
     * Rules beyond the form's field constraints and the declared limits for a step: filing ({@link Step#FILE}) or a
     * workflow action. Every returned reason refuses the step (HTTP 422); a reason naming a form field is reported
     * against that field.
     */
    default List<Reason> check(Step step, RuleContext context) {
        return List.of();
    }

    /**
     * Rules beyond the form's field constraints for a write to one of the program's records (its creation, new
     * values, an action, an entry): every returned reason refuses it (HTTP 422), a reason naming a field of the
     * write's form against that field. For a record of a household (attached to it, a member or an application) the
     * context is the household's; for a region's record, {@code household()} is {@code null}, there are no
     * applications or benefits, and {@code records(type)} gives the records of the region and the regions above it.
     */
    default List<Reason> checkRecord(RecordWrite write, RuleContext context) {
        return List.of();
    }

    /** Benefits a step grants beyond the declared grants, computed from the parameters in force. */
    default List<BenefitGrant> benefits(Step step, RuleContext context) {
        return List.of();
    }
}
