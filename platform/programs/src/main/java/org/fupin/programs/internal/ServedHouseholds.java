package org.fupin.programs.internal;

import java.util.List;
import java.util.Set;

import org.fupin.program.declaration.DeclaredProgram;
import org.fupin.registry.api.Actor;
import org.fupin.registry.api.HouseholdQuery;
import org.fupin.registry.api.HouseholdRegistry;
import org.fupin.registry.model.HouseholdStatus;

/**
 * How many households of a region a program serves: those whose status its declaration supports (every household
 * for a program that names none) — the denominator of a report's COVERAGE.
 */
final class ServedHouseholds {
    private static final Actor REPORTS = Actor.unrestricted("program-reports");

    private final HouseholdRegistry registry;

    ServedHouseholds(HouseholdRegistry registry) {
        this.registry = registry;
    }

    long served(InstalledProgram program, String region) {
        Set<HouseholdStatus> statuses = program.program() instanceof DeclaredProgram declared
                ? declared.declaration().householdStatuses() : Set.of();
        List<HouseholdStatus> counted = statuses.isEmpty() ? java.util.Collections.singletonList(null)
                : List.copyOf(statuses);
        long total = 0;
        for (HouseholdStatus status : counted) {
            total += registry.search(new HouseholdQuery(region, status, null, null, null, 0, 1, null, null), REPORTS)
                    .total();
        }
        return total;
    }
}
