package org.fupin.demo.internal;

import java.util.List;

import org.fupin.registry.model.Cause;
import org.fupin.registry.model.HouseholdAttribute;
import org.fupin.registry.model.HouseholdStatus;

/** What is decided about a household before its members are drawn, and shapes them. */
record HouseholdTraits(HouseholdAttribute attribute, HouseholdStatus status, Cause mainCause, List<Cause> otherCauses,
        String ethnicity) {

    boolean hasCause(Cause cause) {
        return mainCause == cause || otherCauses.contains(cause);
    }

    /** Still poor, or back in poverty: the households the assurances and incomes fall short for. */
    boolean inPoverty() {
        return status == HouseholdStatus.POOR || status == HouseholdStatus.RETURNED;
    }
}
