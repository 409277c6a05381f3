package org.fupin.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.fupin.accounts.api.Account;
import org.fupin.accounts.api.Session;
import org.fupin.registry.api.Actor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * Bearer tokens: 32 random bytes, handed out once and stored only as their SHA-256 (a token is as strong as a
 * 256-bit key, so a fast hash is enough, and a stolen database holds no usable token). Live sessions are cached
 * in memory so that checking a token on every request costs no database read; ending a session or disabling a
 * user drops it from the cache and the table together. A cached session leaves memory when it expires, whether or
 * not it is presented again, and the cache holds at most {@value #MAX_CACHED} (the least used go first and are read
 * from the table again when presented).
 */
@Component(service = Sessions.class, configurationPid = AccountsConfig.PID)
@Designate(ocd = AccountsConfig.class)
public class Sessions {
    /** Who presented a live token, and whether they must change an administrator's password before anything else. */
    record User(Actor actor, boolean mustChangePassword) {
    }

    private record Cached(User user, Instant expiresAt) {
    }

    private final AccountStore store;
    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();
    static final int MAX_CACHED = 200_000;

    private final Cache<String, Cached> live;
    private final AtomicLong revocations = new AtomicLong();

    @Activate
    public Sessions(@Reference AccountStore store, AccountsConfig config) {
        this(store, Clock.systemUTC(), Duration.ofHours(config.sessionHours()));
    }

    Sessions(AccountStore store, Clock clock, Duration lifetime) {
        this.store = store;
        this.clock = clock;
        this.lifetime = lifetime;
        this.live = Caffeine.newBuilder()
                .maximumSize(MAX_CACHED)
                // the cache's time is the sessions' clock, and its upkeep runs on the caller's thread
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .executor(Runnable::run)
                .expireAfter(Expiry.creating((String key, Cached session) -> {
                    Duration left = Duration.between(clock.instant(), session.expiresAt());
                    return left.isNegative() ? Duration.ZERO : left;
                }))
                .build();
    }

    Session open(Account account, String address) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime);
        store.insertSession(hash(token), account.username(), now, expiresAt, address);
        return new Session(token, expiresAt, account);
    }

    Optional<Actor> actor(String token) {
        return user(token).map(User::actor);
    }

    Optional<User> user(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        String key = hash(token);
        Instant now = clock.instant();
        Cached cached = live.getIfPresent(key);
        if (cached == null) {
            long before = revocations.get();
            cached = store.liveSession(key, now).map(Sessions::cached).orElse(null);
            if (cached == null) {
                return Optional.empty();
            }
            live.put(key, cached);
            if (revocations.get() != before) {
                // sessions were ended while we read: the row we cached may be one of them, so ask again uncached
                live.invalidate(key);
                return store.liveSession(key, now).map(s -> cached(s).user());
            }
        }
        if (!now.isBefore(cached.expiresAt())) {
            live.invalidate(key);
            return Optional.empty();
        }
        return Optional.of(cached.user());
    }

    private static Cached cached(AccountStore.Live session) {
        var stored = session.stored();
        return new Cached(new User(stored.account().actor(), stored.mustChangePassword()), session.expiresAt());
    }

    void close(String token) {
        if (token != null && !token.isBlank()) {
            String key = hash(token);
            store.deleteSession(key);
            revocations.incrementAndGet();
            live.invalidate(key);
        }
    }

    /** Forgets the cached sessions of a user whose sessions the store has just ended (all but {@code keep}). */
    void forget(String username, String keepToken) {
        String keep = keepToken == null ? null : hash(keepToken);
        revocations.incrementAndGet();
        live.asMap().entrySet()
                .removeIf(e -> e.getValue().user().actor().username().equals(username) && !e.getKey().equals(keep));
    }

    /** How many sessions are held in memory now, expired ones removed first. */
    long cached() {
        live.cleanUp();
        return live.estimatedSize();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
