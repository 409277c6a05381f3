package org.fupin.accounts.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.fupin.accounts.api.Account;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Accounts as the API shows them, with the state that lives beside them: a pending password change, a lock. */
@Component(service = AccountViews.class)
public class AccountViews {
    private final AccountStore store;
    private final LoginThrottle throttle;

    @Activate
    public AccountViews(@Reference AccountStore store, @Reference LoginThrottle throttle) {
        this.store = store;
        this.throttle = throttle;
    }

    AccountView of(Account account, Locale language) {
        return of(List.of(account), language).get(0);
    }

    List<AccountView> of(List<Account> accounts, Locale language) {
        Set<String> mustChange = store.mustChangePassword();
        return accounts.stream().map(a -> AccountView.of(a, mustChange.contains(a.username()),
                throttle.lockedUntil(a.username()).orElse(null), language)).toList();
    }
}
