package org.fupin.accounts.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.fupin.accounts.api.Account;
import org.fupin.accounts.api.AccountChange;
import org.fupin.accounts.api.Accounts;
import org.fupin.accounts.api.LoginRefusedException;
import org.fupin.accounts.api.NewAccount;
import org.fupin.registry.api.AccessDeniedException;
import org.fupin.registry.api.Actor;
import org.fupin.registry.api.ConflictException;
import org.fupin.registry.api.NotFoundException;
import org.fupin.registry.api.Page;
import org.fupin.registry.api.RegionDirectory;
import org.fupin.registry.api.ValidationException;
import org.fupin.registry.model.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link Accounts} on the accounts tables: every rule of who may manage whom is checked here, not in HTTP. */
@Component(service = Accounts.class)
public class SqlAccounts implements Accounts {
    private final AccountStore store;
    private final PasswordHasher hasher;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final AccountRules rules;
    private final Clock clock;

    @Activate
    public SqlAccounts(@Reference AccountStore store, @Reference PasswordHasher hasher, @Reference Sessions sessions,
            @Reference LoginThrottle throttle, @Reference RegionDirectory regions) {
        this(store, hasher, sessions, throttle, regions, Clock.systemUTC());
    }

    SqlAccounts(AccountStore store, PasswordHasher hasher, Sessions sessions, LoginThrottle throttle,
            RegionDirectory regions, Clock clock) {
        this.store = store;
        this.hasher = hasher;
        this.sessions = sessions;
        this.throttle = throttle;
        this.rules = new AccountRules(regions);
        this.clock = clock;
    }

    @Override
    public Account create(NewAccount draft, Actor actor) {
        requireAdministrator(actor);
        for (Role role : draft.roles()) {
            if (!AccountRules.mayGrant(actor, role)) {
                throw new AccessDeniedException(Texts.text("role.grant", role));
            }
        }
        var violations = rules.check(draft, actor);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        String agency = draft.agency() == null || draft.agency().isBlank() ? null : draft.agency().strip();
        var account = new Account(draft.username(), draft.displayName().strip(), draft.region().strip(), agency,
                draft.roles(), true, clock.instant(), actor.username());
        if (!store.insert(account, hasher.hash(draft.password()))) {
            throw new ConflictException("username_taken", Texts.text("username.taken", draft.username()));
        }
        return account;
    }

    @Override
    public Page<Account> list(int page, int size, Actor actor) {
        requireAdministrator(actor);
        return store.list(actor.scope(), page, size);
    }

    @Override
    public Optional<Account> find(String username, Actor actor) {
        requireAdministrator(actor);
        return store.find(username).map(AccountStore.Stored::account).filter(a -> actor.covers(a.region()));
    }

    @Override
    public Account setEnabled(String username, boolean enabled, Actor actor) {
        Account account = find(username, actor).orElseThrow(() -> new NotFoundException(
                Texts.text("user.unknown", username)));
        if (!enabled && account.username().equals(actor.username())) {
            throw new ConflictException("cannot_disable_self", Texts.text("disable.self"));
        }
        if (account.enabled() != enabled) {
            store.setEnabled(account, enabled, actor.username());
            if (!enabled) {
                sessions.forget(username, null);
            }
        }
        return find(username, actor).orElseThrow();
    }

    @Override
    public Account change(String username, AccountChange change, Actor actor) {
        Account before = manageable(username, actor);
        if (change == null || change.isEmpty()) {
            throw new ValidationException(List.of(Texts.violation("displayName", "change.empty")));
        }
        boolean scopeChanges = change.region() != null || change.agency() != null || change.roles() != null;
        if (scopeChanges && before.username().equals(actor.username())) {
            throw new ConflictException("cannot_change_self", Texts.text("change.self"));
        }
        String displayName = change.displayName() != null ? change.displayName() : before.displayName();
        String region = change.region() != null ? change.region() : before.region();
        String agency = change.agency() != null ? change.agency() : before.agency();
        Set<Role> roles = change.roles() != null ? change.roles() : before.roles();
        for (Role role : roles) {
            if (!AccountRules.mayGrant(actor, role)) {
                throw new AccessDeniedException(Texts.text("role.grant", role));
            }
        }
        var violations = rules.profile(displayName, region, agency, roles, actor);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        var after = new Account(before.username(), displayName.strip(), region.strip(),
                agency == null || agency.isBlank() ? null : agency.strip(), roles, before.enabled(),
                before.createdAt(), before.createdBy());
        if (!after.equals(before)) {
            store.update(before, after, actor.username());
            sessions.forget(username, null);
        }
        return after;
    }

    @Override
    public void resetPassword(String username, String temporaryPassword, Actor actor) {
        Account account = manageable(username, actor);
        if (account.username().equals(actor.username())) {
            throw new ConflictException("cannot_reset_self", Texts.text("reset.self"));
        }
        var violations = AccountRules.password("temporaryPassword", temporaryPassword, username);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        store.resetPassword(username, hasher.hash(temporaryPassword), actor.username());
        sessions.forget(username, null);
        unlockIfLocked(username, actor);
    }

    @Override
    public void unlock(String username, Actor actor) {
        unlockIfLocked(manageable(username, actor).username(), actor);
    }

    private void unlockIfLocked(String username, Actor actor) {
        throttle.unlock(username).ifPresent(until -> store.auditUnlock(username, actor.username(), until));
    }

    /**
     * A user in the administrator's scope whom they could have made: a county administrator does not manage the
     * province's administrators even when their region lies in the county's.
     */
    private Account manageable(String username, Actor actor) {
        Account account = find(username, actor).orElseThrow(() -> new NotFoundException(
                Texts.text("user.unknown", username)));
        for (Role role : account.roles()) {
            if (!AccountRules.mayGrant(actor, role)) {
                throw new AccessDeniedException(Texts.text("manage.denied", username, role));
            }
        }
        return account;
    }

    @Override
    public void changePassword(Actor actor, String currentPassword, String newPassword, String keepToken) {
        var stored = store.find(actor.username()).orElseThrow(() -> new AccessDeniedException(
                Texts.text("password.wrong")));
        Duration locked = throttle.lockedFor(actor.username(), null);
        if (!locked.isZero()) {
            throw new LoginRefusedException(locked);
        }
        var violations = new ArrayList<>(AccountRules.password("newPassword", newPassword, actor.username()));
        if (currentPassword == null || !hasher.verify(currentPassword, stored.passwordHash())) {
            throttle.failed(actor.username(), null);
            violations.add(0, Texts.violation("currentPassword", "password.wrong"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(List.copyOf(violations));
        }
        store.setPassword(actor.username(), hasher.hash(newPassword), keepToken == null ? null : Sessions.hash(keepToken));
        // the kept session too: its cached entry still says the password must change
        sessions.forget(actor.username(), null);
    }

    private static void requireAdministrator(Actor actor) {
        if (!AccountRules.administers(actor)) {
            throw new AccessDeniedException(Texts.text("administer.denied"));
        }
    }
}
