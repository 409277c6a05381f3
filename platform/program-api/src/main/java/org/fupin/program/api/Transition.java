package org.fupin.program.api;

import java.util.List;
import java.util.Set;

import org.fupin.registry.model.LocalizedText;
import org.fupin.registry.model.RegionLevel;
import org.fupin.registry.model.Role;

/**
 * A workflow action.
 *
 * @param action         stable id sent by clients, e.g. {@code approve}
 * @param from           the states the action may be taken in
 * @param to             the state it leads to ({@code from} itself for an action that only records, e.g. a payment)
 * @param roles          who may take it (any one of them)
 * @param level          the region level the user must sit at (or above): a township officer verifies, a county
 *                       officer approves
 * @param form           the id of the form whose data the action takes, or {@code null}
 * @param reasonRequired a note is required (rejections, objections)
 * @param afterNotice    only once the notice period of the current state is over
 * @param duringNotice   only while the notice period of the current state runs: an objection (异议) to what is
 *                       on public notice
 * @param schedule       when the platform takes the action by itself, on the platform clock; {@code null} for an
 *                       action only users take
 * @param assures        the items of 两不愁三保障 the action establishes for the household (moving into a relocation
 *                       house makes its housing safe): the registry records them as met in the step's transaction
 */
public record Transition(String action, LocalizedText label, List<String> from, String to, Set<Role> roles,
        RegionLevel level, String form, boolean reasonRequired, boolean afterNotice, boolean duringNotice,
        Schedule schedule, Set<org.fupin.registry.model.Assurance> assures) {
    /**
     * A time-driven action: taken by the platform (as user {@code system}) once an application has been
     * {@code afterDays} days in one of the {@code from} states without a step, or once the date in its application
     * field {@code dateField} has passed — and, for an {@code afterNotice} action, its notice is over.
     */
    public record Schedule(Integer afterDays, String dateField) {
    }

    public Transition(String action, LocalizedText label, List<String> from, String to, Set<Role> roles,
            RegionLevel level, String form, boolean reasonRequired, boolean afterNotice) {
        this(action, label, from, to, roles, level, form, reasonRequired, afterNotice, false, null);
    }

    public Transition(String action, LocalizedText label, List<String> from, String to, Set<Role> roles,
            RegionLevel level, String form, boolean reasonRequired, boolean afterNotice, boolean duringNotice) {
        this(action, label, from, to, roles, level, form, reasonRequired, afterNotice, duringNotice, null);
    }

    public Transition(String action, LocalizedText label, List<String> from, String to, Set<Role> roles,
            RegionLevel level, String form, boolean reasonRequired, boolean afterNotice, boolean duringNotice,
            Schedule schedule) {
        this(action, label, from, to, roles, level, form, reasonRequired, afterNotice, duringNotice, schedule,
                Set.of());
    }

    public Transition {
        from = List.copyOf(from);
        roles = Set.copyOf(roles);
        assures = assures == null ? Set.of() : Set.copyOf(assures);
    }
}
