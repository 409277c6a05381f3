package org.fupin.registry.internal;

import java.util.List;

import org.fupin.registry.api.AccessDeniedException;
import org.fupin.registry.api.Actor;
import org.fupin.registry.model.Role;

/** The roles that keep the register: only they write households, each within their region. */
final class HouseholdEditors {
    static final List<Role> ROLES =
            List.of(Role.VILLAGE_CLERK, Role.TOWNSHIP_OFFICER, Role.COUNTY_ADMIN, Role.PROVINCE_ADMIN);

    /** What an editor does, each with a message naming it and the roles that may: {@code denied.<key>}. */
    enum Write {
        CREATE("create"), UPDATE("update"), ADD_MEMBER("addMember"), REMOVE_MEMBER("removeMember"),
        CHANGE_STATUS("changeStatus"), IMPORT("import");

        private final String key;

        Write(String key) {
            this.key = key;
        }
    }

    private HouseholdEditors() {
    }

    static boolean includes(Actor actor) {
        return actor.hasAny(ROLES.toArray(Role[]::new));
    }

    static void require(Actor actor, Write write) {
        if (!includes(actor)) {
            throw new AccessDeniedException(Messages.text("denied." + write.key, ROLES));
        }
    }
}
