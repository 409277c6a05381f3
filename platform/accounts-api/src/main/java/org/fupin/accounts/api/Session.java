package org.fupin.accounts.api;

import java.time.Instant;

/** A signed-in user: the bearer token (shown once, stored only as a hash) and when it stops working. */
public record Session(String token, Instant expiresAt, Account account) {
    @Override
    public String toString() {
        return "Session[" + account.username() + " until " + expiresAt + "]";
    }
}
