package org.fupin.accounts.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.fupin.accounts.api.Authentication;
import org.fupin.accounts.api.LoginRefusedException;
import org.fupin.accounts.api.Session;
import org.fupin.registry.api.Actor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in by user name and password. A wrong password, an unknown user and a disabled user fail alike and take
 * alike long (an unknown user's password is checked against a throw-away hash), so sign-in tells nobody which
 * user names exist. While the account or the address is locked, no password is even checked.
 */
@Component(service = Authentication.class)
public class PasswordLogin implements Authentication {
    private static final Logger LOG = LoggerFactory.getLogger(PasswordLogin.class);

    private final AccountStore store;
    private final PasswordHasher hasher;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final String decoy;

    @Activate
    public PasswordLogin(@Reference AccountStore store, @Reference PasswordHasher hasher,
            @Reference Sessions sessions, @Reference LoginThrottle throttle) {
        this.store = store;
        this.hasher = hasher;
        this.sessions = sessions;
        this.throttle = throttle;
        this.decoy = hasher.hash(UUID.randomUUID().toString());
    }

    @Override
    public Session login(String username, String password, String address) {
        Duration locked = throttle.lockedFor(username, address);
        if (!locked.isZero()) {
            LOG.warn("Sign-in of '{}' from {} refused: locked for {} s after repeated failures", shown(username), address,
                    locked.toSeconds());
            throw new LoginRefusedException(locked);
        }
        var stored = username == null ? Optional.<AccountStore.Stored>empty() : store.find(username);
        boolean matches = hasher.verify(password == null ? "" : password,
                stored.map(AccountStore.Stored::passwordHash).orElse(decoy));
        if (!matches || stored.isEmpty() || !stored.get().account().enabled()) {
            throttle.failed(username, address);
            String reason = stored.isEmpty() ? "unknown_user" : !matches ? "wrong_password" : "disabled";
            LOG.warn("Sign-in of '{}' from {} failed ({})", shown(username), address, reason);
            store.auditFailedSignIn(shown(username), address, reason);
            throw new LoginRefusedException(Duration.ZERO);
        }
        throttle.succeeded(username);
        return sessions.open(stored.get().account(), address);
    }

    /** A user name as typed, safe for one log line. */
    private static String shown(String username) {
        String printable = username == null ? "" : username.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
    }

    @Override
    public Optional<Actor> authenticate(String token) {
        return sessions.actor(token);
    }

    @Override
    public void logout(String token) {
        sessions.close(token);
    }
}
