package org.fupin.registry.internal;

import static org.fupin.registry.model.HouseholdStatus.CLOSED;
import static org.fupin.registry.model.HouseholdStatus.EXITED;
import static org.fupin.registry.model.HouseholdStatus.MONITORED;
import static org.fupin.registry.model.HouseholdStatus.NEAR_POOR;
import static org.fupin.registry.model.HouseholdStatus.POOR;
import static org.fupin.registry.model.HouseholdStatus.REMOVED;
import static org.fupin.registry.model.HouseholdStatus.RETURNED;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.fupin.registry.model.HouseholdStatus;

/**
 * Which status changes dynamic management allows (DOMAIN.md §1.1, §2): exit from poverty, return to poverty,
 * monitoring after exit, near-poor households identified as poor, and the two terminal states — 剔除 (wrongly
 * included) and 自然销户 (household ended) — reachable from every other state.
 */
final class StatusRules {
    private static final Map<HouseholdStatus, Set<HouseholdStatus>> NEXT = Map.of(
            POOR, EnumSet.of(EXITED, REMOVED, CLOSED),
            EXITED, EnumSet.of(RETURNED, MONITORED, REMOVED, CLOSED),
            RETURNED, EnumSet.of(EXITED, REMOVED, CLOSED),
            MONITORED, EnumSet.of(EXITED, RETURNED, REMOVED, CLOSED),
            // a near-poor household was never poor: it can be identified as poor, not "exit"
            NEAR_POOR, EnumSet.of(POOR, REMOVED, CLOSED),
            REMOVED, EnumSet.noneOf(HouseholdStatus.class),
            CLOSED, EnumSet.noneOf(HouseholdStatus.class));

    private StatusRules() {
    }

    static boolean terminal(HouseholdStatus status) {
        return NEXT.get(status).isEmpty();
    }

    static boolean allowed(HouseholdStatus from, HouseholdStatus to) {
        return NEXT.get(from).contains(to);
    }
}
