package org.fupin.accounts.api;

import java.util.Optional;

import org.fupin.registry.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Sign-in with a user name and password, and the bearer tokens that follow. Tokens are random, stored only as
 * hashes, and expire; repeated failures lock sign-in for a while per account and per client address.
 */
@ProviderType
public interface Authentication {
    /** The scheme of {@link #bearerToken}, with the space that ends it. */
    String BEARER = "Bearer ";

    /**
     * @param address the client's address, for the per-address lock
     * @throws LoginRefusedException wrong credentials, a disabled user, or a lock
     */
    Session login(String username, String password, String address);

    /** The actor of a live token of an enabled user; empty for anything else. */
    Optional<Actor> authenticate(String token);

    /**
     * The token of an {@code Authorization} header's value, {@code Bearer <token>} (the scheme in any case);
     * empty for a missing header or another scheme. Everything that reads bearer tokens reads them this way.
     */
    static Optional<String> bearerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(BEARER.length()).strip());
    }

    /** Ends the session; an unknown token is ignored. */
    void logout(String token);
}
