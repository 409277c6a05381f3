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
    /**
     * @param address the client's address, for the per-address lock
     * @throws LoginRefusedException wrong credentials, a disabled user, or a lock
     */
    Session login(String username, String password, String address);

    /** The actor of a live token of an enabled user; empty for anything else. */
    Optional<Actor> authenticate(String token);

    /** Ends the session; an unknown token is ignored. */
    void logout(String token);
}
