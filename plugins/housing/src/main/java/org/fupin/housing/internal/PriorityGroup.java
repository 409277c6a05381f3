package org.fupin.housing.internal;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import org.fupin.registry.model.Household;
import org.fupin.registry.model.HouseholdAttribute;
import org.fupin.registry.model.HouseholdStatus;

/**
 * The four priority groups of 农村危房改造 (DOMAIN.md §5), each as the register shows it: a household may belong to
 * several.
 */
enum PriorityGroup {
    /** 建档立卡贫困户: registered and not (or no longer) out of poverty */
    REGISTERED_POOR(h -> h.status() == HouseholdStatus.POOR || h.status() == HouseholdStatus.RETURNED),
    /** 低保户: the household's attribute, or a member drawing the subsistence allowance */
    SUBSISTENCE(h -> h.attribute() == HouseholdAttribute.SUBSISTENCE_ALLOWANCE
            || h.members().stream().anyMatch(m -> m.subsistenceAllowance())),
    /** 农村分散供养特困人员 */
    DESTITUTE(h -> h.attribute() == HouseholdAttribute.EXTREME_POVERTY_SUPPORT
            || h.attribute() == HouseholdAttribute.FIVE_GUARANTEES),
    /** 贫困残疾人家庭: a member holding a disability certificate */
    DISABLED(h -> h.members().stream().anyMatch(m -> m.disabilityCertificate() != null
            && !m.disabilityCertificate().isBlank()));

    private final Predicate<Household> test;

    PriorityGroup(Predicate<Household> test) {
        this.test = test;
    }

    boolean includes(Household household) {
        return test.test(household);
    }

    static List<PriorityGroup> of(Household household) {
        return Arrays.stream(values()).filter(g -> g.includes(household)).toList();
    }
}
