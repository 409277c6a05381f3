package org.fupin.accounts.api;

import java.time.Duration;

/**
 * Sign-in failed. The reason never tells a wrong password from an unknown or disabled user; {@link #retryAfter()}
 * is positive when too many failures for the account or the address lock sign-in for a while.
 */
public class LoginRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public LoginRefusedException(Duration retryAfter) {
        super(retryAfter.isZero() ? "wrong user name or password" : "too many failed sign-ins; retry later");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public boolean locked() {
        return !retryAfter.isZero();
    }
}
