package org.fupin.accounts.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.fupin.accounts.api.Account;
import org.fupin.registry.model.Role;

/** An account as the API shows it: role codes (what a client sends back) and their labels in the caller's language. */
record AccountView(String username, String displayName, String region, String agency, List<String> roles,
        List<String> roleLabels, boolean enabled, Instant createdAt, String createdBy) {
    static AccountView of(Account account, Locale language) {
        List<Role> roles = account.roles().stream().sorted().toList();
        return new AccountView(account.username(), account.displayName(), account.region(), account.agency(),
                roles.stream().map(Role::name).toList(), roles.stream().map(r -> r.label().in(language)).toList(),
                account.enabled(), account.createdAt(), account.createdBy());
    }
}
