package org.fupin.accounts.api;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.fupin.registry.api.Actor;
import org.fupin.registry.model.Role;

/**
 * A user as administrators see it (never with the password): the region subtree they work in ({@code ""} is the
 * whole country), the agency whose programs they work on ({@code null} outside any agency), their roles, and
 * whether they may sign in.
 */
public record Account(String username, String displayName, String region, String agency, Set<Role> roles,
        boolean enabled, Instant createdAt, String createdBy) {
    public Account {
        region = region == null ? "" : region;
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** Who this user is to the services. */
    public Actor actor() {
        return new Actor(username, region, agency, roles);
    }
}
