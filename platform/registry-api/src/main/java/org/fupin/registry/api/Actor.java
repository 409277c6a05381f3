package org.fupin.registry.api;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who acts, for audit and scoping: the user name, the region subtree they may see and change ({@code scope} is a
 * region-code prefix; empty means the whole country), their agency (program officers work only their agency's
 * programs; {@code null} for users outside any agency) and their roles.
 */
public record Actor(String username, String scope, String agency, Set<Role> roles) {
    public Actor {
        scope = scope == null ? "" : scope;
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** An actor without roles: may read and write households in {@code scope}, nothing more. */
    public Actor(String username, String scope) {
        this(username, scope, null, Set.of());
    }

    /**
     * Every role over the whole country. Until accounts exist (the accounts issue) the HTTP layer acts with this
     * for every caller; the services already check roles and scope against whatever actor they are given.
     */
    public static Actor unrestricted(String username) {
        return new Actor(username, "", null, EnumSet.allOf(Role.class));
    }

    public boolean covers(String regionCode) {
        return regionCode != null && regionCode.startsWith(scope);
    }

    public boolean hasAny(Role... wanted) {
        return Arrays.stream(wanted).anyMatch(roles::contains);
    }

    /** The level of the actor's region, or empty when the scope is the whole country. */
    public java.util.Optional<RegionLevel> level() {
        return Region.levelOf(scope);
    }
}
