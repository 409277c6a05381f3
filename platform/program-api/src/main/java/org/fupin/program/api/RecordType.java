package org.fupin.program.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.fupin.registry.model.LocalizedText;
import org.fupin.registry.model.Role;

/**
 * A kind of record the program keeps beside its applications: a loan, a settlement site, a cooperative, a county's
 * risk fund. A record holds the values of its form, belongs to what {@link #attachedTo()} says, moves through its own
 * states by its own actions, and gathers dated entries (repayments, milestones, payouts). The platform stores, scopes,
 * audits and validates them: no plugin SQL.
 *
 * @param id         stable id, in URLs: {@code /programs/{program}/records/{id}}
 * @param attachedTo what each record belongs to, and so the region it is scoped by
 * @param form       the form whose values a record holds; for {@link Attachment#MEMBER}, its MEMBER field names the
 *                   member
 * @param editors    the roles that create records, change their values and add entries, each in their region
 * @param initial    the state a new record starts in
 * @param actions    what moves a record between states: as workflow transitions (roles, level, form, a required
 *                   reason); never a notice or a schedule
 * @param entries    the kinds of dated entries a record gathers
 * @param limits     what must hold across the type's records, enforced where they are written
 * @param householdPairing for a household's record that names its 帮扶责任人: which fields the registry's pairing of
 *                   the household takes, kept in step with the record; {@code null} otherwise (since 2.5)
 */
public record RecordType(String id, LocalizedText label, Attachment attachedTo, String form, Set<Role> editors,
        String initial, List<State> states, List<Transition> actions, List<EntryType> entries,
        List<RecordLimit> limits, HouseholdPairing householdPairing) {
    public RecordType(String id, LocalizedText label, Attachment attachedTo, String form, Set<Role> editors,
            String initial, List<State> states, List<Transition> actions, List<EntryType> entries,
            List<RecordLimit> limits) {
        this(id, label, attachedTo, form, editors, initial, states, actions, entries, limits, null);
    }

    /**
     * The names of the record's form fields that give the household's 建档立卡 pairing
     * ({@link org.fupin.registry.model.Pairing}): creating a record appends a pairing to the household (the previous
     * one ends that day) in the same transaction; an action that ends the record (a terminal state) ends the
     * household's pairing on its date. {@code cadreName} (TEXT) and {@code startDate} (DATE) are required; the others
     * may be {@code null}. {@code unitLevel} is a CODE field whose options are
     * {@link org.fupin.registry.model.CadreUnitLevel} names.
     *
     * @since 2.5
     */
    public record HouseholdPairing(String cadreName, String startDate, String cadreUnit, String cadrePost,
            String cadrePhone, String unitLevel) {
    }
    public RecordType(String id, LocalizedText label, Attachment attachedTo, String form, Set<Role> editors,
            String initial, List<State> states, List<Transition> actions, List<EntryType> entries) {
        this(id, label, attachedTo, form, editors, initial, states, actions, entries, List.of());
    }

    /** What a record belongs to. */
    public enum Attachment {
        /** a registered household (a loan to the household) */
        HOUSEHOLD,
        /** a member of a household, named by the form's MEMBER field */
        MEMBER,
        /** one of the program's applications (a building project of an approved renovation) */
        APPLICATION,
        /** a region of any level: a settlement site in a township, a county's risk fund */
        REGION
    }

    /**
     * A kind of dated entry (a repayment, a milestone, a payout): the values of its form on a date.
     *
     * @param amountField a MONEY field of the form whose values the record's totals add up, or {@code null}
     */
    public record EntryType(String id, LocalizedText label, String form, String amountField) {
    }

    public RecordType {
        editors = Set.copyOf(editors);
        states = List.copyOf(states);
        actions = List.copyOf(actions);
        entries = List.copyOf(entries);
        limits = limits == null ? List.of() : List.copyOf(limits);
    }

    public Optional<State> state(String stateId) {
        return states.stream().filter(s -> s.id().equals(stateId)).findFirst();
    }

    public Optional<Transition> action(String actionId) {
        return actions.stream().filter(t -> t.action().equals(actionId)).findFirst();
    }

    public Optional<EntryType> entry(String entryId) {
        return entries.stream().filter(e -> e.id().equals(entryId)).findFirst();
    }
}
