package org.fupin.registry.api;

import java.security.Principal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.fupin.registry.model.Region;
import org.fupin.registry.model.RegionLevel;
import org.fupin.registry.model.Role;

/**
 * Who acts, for audit and scoping: the user name, the region subtree they may see and change ({@code scope} is a
 * region-code prefix; empty means the whole country), their agency (program officers work only their agency's
 * programs; {@code null} for users outside any agency) and their roles. The authentication filter puts the
 * signed-in user's actor on every request as its {@link Principal}.
 */
public record Actor(String username, String scope, String agency, Set<Role> roles) implements Principal {
    public Actor {
        scope = scope == null ? "" : scope;
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** An actor without roles: may read households in {@code scope}, nothing more. */
    public Actor(String username, String scope) {
        this(username, scope, null, Set.of());
    }

    /** Every role over the whole country: for the platform's own work (demo data, migrations), never a user. */
    public static Actor unrestricted(String username) {
        return new Actor(username, "", null, EnumSet.allOf(Role.class));
    }

    /**
     * The signed-in actor a request carries as its principal (the authentication filter puts it there).
     *
     * @throws NotSignedInException for an anonymous request
     */
    public static Actor signedIn(Principal principal) {
        if (principal instanceof Actor actor) {
            return actor;
        }
        throw new NotSignedInException();
    }

    @Override
    public String getName() {
        return username;
    }

    /** May the actor work on a program run by {@code programAgency}? Users outside any agency work on all. */
    public boolean worksFor(String programAgency) {
        return agency == null || agency.equals(programAgency);
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
