package org.fupin.registry.model;

import java.util.List;

/** Everything that happened to a household, oldest first; pairings include the ended ones. */
public record HouseholdHistory(String householdId, List<StatusChange> statusChanges,
        List<MemberChange> memberChanges, List<Pairing> pairings) {
    public HouseholdHistory {
        statusChanges = List.copyOf(statusChanges);
        memberChanges = List.copyOf(memberChanges);
        pairings = List.copyOf(pairings);
    }
}
