package org.fupin.accounts.api;

import java.util.Set;

import org.fupin.registry.model.Role;

/**
 * What an administrator changes of a user with {@link Accounts#change}; a {@code null} field stays as it is. An
 * empty {@code agency} removes the user from their agency.
 */
public record AccountChange(String displayName, String region, String agency, Set<Role> roles) {
    public AccountChange {
        roles = roles == null ? null : Set.copyOf(roles);
    }

    public boolean isEmpty() {
        return displayName == null && region == null && agency == null && roles == null;
    }
}
