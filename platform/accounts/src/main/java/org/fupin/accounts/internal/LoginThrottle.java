package org.fupin.accounts.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Counts failed sign-ins per account and per client address. Failures count within a window of the lock's length
 * from the first one; reaching the limit locks that key until the lock runs out, whatever password comes next.
 * A success clears the account's count (not the address's: one good password must not unlock a guessing
 * address). Kept in memory: a restart forgives, which is acceptable for a lock of minutes. A wrong current
 * password when changing one counts against the account too (there is no address then), so a stolen session
 * cannot be used to guess the password without limit.
 */
@Component(service = LoginThrottle.class, configurationPid = AccountsConfig.PID)
public class LoginThrottle {
    /** Keys beyond this trigger a sweep of the expired ones, so guessing with random names cannot fill memory. */
    private static final int SWEEP_ABOVE = 10_000;

    private record Failures(int count, Instant firstAt, Instant lockedUntil) {
    }

    private final Clock clock;
    private final int maxPerAccount;
    private final int maxPerAddress;
    private final Duration lock;
    private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

    @Activate
    public LoginThrottle(AccountsConfig config) {
        this(Clock.systemUTC(), config.maxFailuresPerAccount(), config.maxFailuresPerAddress(),
                Duration.ofMinutes(config.lockMinutes()));
    }

    LoginThrottle(Clock clock, int maxPerAccount, int maxPerAddress, Duration lock) {
        this.clock = clock;
        this.maxPerAccount = maxPerAccount;
        this.maxPerAddress = maxPerAddress;
        this.lock = lock;
    }

    /** How long sign-in stays locked for this account or address (null: none); zero when it is open. */
    Duration lockedFor(String username, String address) {
        Instant now = clock.instant();
        Duration account = remaining(accounts.get(key(username)), now);
        Duration fromAddress = address == null ? Duration.ZERO : remaining(addresses.get(address), now);
        return account.compareTo(fromAddress) >= 0 ? account : fromAddress;
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        count(accounts, key(username), maxPerAccount, now);
        if (address != null) {
            count(addresses, address, maxPerAddress, now);
        }
    }

    void succeeded(String username) {
        accounts.remove(key(username));
    }

    /** Until when the account is locked, if it is. */
    Optional<Instant> lockedUntil(String username) {
        Failures failures = accounts.get(key(username));
        return remaining(failures, clock.instant()).isZero() ? Optional.empty()
                : Optional.of(failures.lockedUntil());
    }

    /** An administrator's unlock: forgets the account's failures; until when it was locked, if it was. */
    Optional<Instant> unlock(String username) {
        Optional<Instant> locked = lockedUntil(username);
        accounts.remove(key(username));
        return locked;
    }

    private void count(Map<String, Failures> counts, String key, int max, Instant now) {
        counts.compute(key, (k, old) -> {
            var current = old == null || expired(old, now) ? new Failures(0, now, null) : old;
            int count = current.count() + 1;
            return new Failures(count, current.firstAt(), count >= max ? now.plus(lock) : null);
        });
        if (counts.size() > SWEEP_ABOVE) {
            counts.values().removeIf(f -> expired(f, now));
        }
    }

    private boolean expired(Failures failures, Instant now) {
        Instant end = failures.lockedUntil() != null ? failures.lockedUntil() : failures.firstAt().plus(lock);
        return !now.isBefore(end);
    }

    private static Duration remaining(Failures failures, Instant now) {
        if (failures == null || failures.lockedUntil() == null || !now.isBefore(failures.lockedUntil())) {
            return Duration.ZERO;
        }
        return Duration.between(now, failures.lockedUntil());
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
