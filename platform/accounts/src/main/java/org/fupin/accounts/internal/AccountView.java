package org.fupin.accounts.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.fupin.accounts.api.Account;
import org.fupin.registry.model.Role;

/**
 * An account as the API shows it: role codes (what a client sends back) and their labels in the caller's language,
 * whether the user must still replace a password an administrator set, and until when failed sign-ins lock them out
 * ({@code null}: they may sign in).
 */
record AccountView(String username, String displayName, String region, String agency, List<String> roles,
        List<String> roleLabels, boolean enabled, boolean mustChangePassword, Instant lockedUntil, Instant createdAt,
        String createdBy) {
    static AccountView of(Account account, boolean mustChangePassword, Instant lockedUntil, Locale language) {
        List<Role> roles = account.roles().stream().sorted().toList();
        return new AccountView(account.username(), account.displayName(), account.region(), account.agency(),
                roles.stream().map(Role::name).toList(), roles.stream().map(r -> r.label().in(language)).toList(),
                account.enabled(), mustChangePassword, lockedUntil, account.createdAt(), account.createdBy());
    }
}
