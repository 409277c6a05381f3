package org.fupin.program.declaration;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fupin.program.api.ProgramDefinition;
import org.fupin.program.api.ProgramMessages;
import org.fupin.registry.model.HouseholdStatus;

/**
 * A program declaration as read: the definition the platform offers, and what the platform itself decides from the
 * declaration before any Java rule is asked.
 *
 * @param definition        the definition, or {@code null} when the declaration could not be read at all
 * @param messages          the program's texts, or {@code null} when they could not be read
 * @param javaRules         the plugin registers {@link org.fupin.program.api.ProgramRules} for this program
 * @param householdStatuses the household statuses the program supports (empty: every status)
 * @param grants            what each action grants by declaration, by action id
 * @param problems          everything wrong with the declaration; a declaration with problems is not offered
 */
public record Declaration(ProgramDefinition definition, ProgramMessages messages, boolean javaRules,
        Set<HouseholdStatus> householdStatuses, Map<String, Grant> grants, List<String> problems) {
    public Declaration {
        householdStatuses = householdStatuses == null ? Set.of() : Set.copyOf(householdStatuses);
        grants = grants == null ? Map.of() : Map.copyOf(grants);
        problems = List.copyOf(problems);
    }

    static Declaration refused(List<String> problems) {
        return new Declaration(null, null, false, Set.of(), Map.of(), problems);
    }

    /** Whether the platform may offer the program: read whole, with no problem. */
    public boolean usable() {
        return definition != null && problems.isEmpty();
    }

    /** The program id, or {@code null} when the declaration could not be read. */
    public String programId() {
        return definition == null ? null : definition.descriptor().id();
    }

    /**
     * A benefit an action grants by declaration, in the year of the step: the value of {@code amountParameter} in
     * force, or the amount in the action form's MONEY field {@code amountField}.
     */
    public record Grant(String amountParameter, String amountField) {
    }
}
