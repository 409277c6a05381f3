package org.fupin.plugin.testkit;

import java.util.Arrays;

import org.fupin.registry.model.Household;
import org.fupin.registry.model.HouseholdStatus;
import org.fupin.registry.model.Member;

/** Registered households for rule tests, in a real village of the demo county unless another is given. */
public final class Households {
    /** 北崖村, 秦州区, 天水市, 甘肃省. */
    public static final String VILLAGE = "620502101202";

    private Households() {
    }

    /** Household {@code h-1} of {@link #VILLAGE}, registered in 2014, with {@code status} and these members. */
    public static Household household(HouseholdStatus status, Member... members) {
        return household(VILLAGE, status, members);
    }

    public static Household household(String villageCode, HouseholdStatus status, Member... members) {
        return new Household("h-1", 1L, villageCode, "三组", null, null, null, null, null, null, null, status, 2014,
                Arrays.asList(members), null, null, null, null, null, null, null, null);
    }

    /**
     * A member to be built: by default a son of the head, Han, healthy, with ordinary labour ability. The age is
     * what the registry derives from the ID number; {@code null} when it cannot.
     */
    public static MemberFixture member(String id, String name, Integer age) {
        return new MemberFixture(id, name, age);
    }
}
