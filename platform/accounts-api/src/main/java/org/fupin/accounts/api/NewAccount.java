package org.fupin.accounts.api;

import java.util.Set;

import org.fupin.registry.model.Role;

/** What an administrator gives to create a user; {@link Accounts#create} validates every field. */
public record NewAccount(String username, String displayName, String password, String region, String agency,
        Set<Role> roles) {
    public NewAccount {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    @Override
    public String toString() {
        return "NewAccount[" + username + ", " + region + ", " + roles + "]";
    }
}
