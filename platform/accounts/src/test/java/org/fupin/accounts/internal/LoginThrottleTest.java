package org.fupin.accounts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The default settings: 5 failures per account, 20 per address, 15-minute lock and window. */
class LoginThrottleTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T01:00:00Z"));
    final LoginThrottle throttle = new LoginThrottle(clock, 5, 20, Duration.ofMinutes(15));

    @ParameterizedTest(name = "{0} failures -> locked {1} s")
    @CsvSource({ "1, 0", "4, 0", "5, 900", "6, 900" })
    void anAccountLocksAtTheFifthFailure(int failures, long lockedSeconds) {
        for (int i = 0; i < failures; i++) {
            throttle.failed("qinzhou", "10.0.0." + i); // from different addresses: the account count alone
        }
        assertEquals(lockedSeconds, throttle.lockedFor("qinzhou", "10.0.0.99").toSeconds());
    }

    @Test
    void theLockRunsOutAfterFifteenMinutes() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("qinzhou", "10.0.0.1");
        }
        clock.advance(Duration.ofMinutes(14));
        assertEquals(60, throttle.lockedFor("qinzhou", "10.0.0.2").toSeconds());

        clock.advance(Duration.ofMinutes(1));
        assertEquals(Duration.ZERO, throttle.lockedFor("qinzhou", "10.0.0.2"));

        throttle.failed("qinzhou", "10.0.0.1");
        assertEquals(Duration.ZERO, throttle.lockedFor("qinzhou", "10.0.0.2"), "counting starts again from one");
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUp() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("qinzhou", "10.0.0.1");
        }
        clock.advance(Duration.ofMinutes(16));
        throttle.failed("qinzhou", "10.0.0.1");

        assertEquals(Duration.ZERO, throttle.lockedFor("qinzhou", "10.0.0.1"));
    }

    @Test
    void aSuccessClearsTheAccountButNotTheAddress() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("qinzhou", "10.0.0.1");
        }
        throttle.succeeded("qinzhou");
        throttle.failed("qinzhou", "10.0.0.1");
        assertEquals(Duration.ZERO, throttle.lockedFor("qinzhou", "10.0.0.1"));

        for (int i = 0; i < 15; i++) {
            throttle.failed("user" + i, "10.0.0.1");
        }
        // 4 + 1 + 15 = 20 failures from this address, across many names
        assertEquals(900, throttle.lockedFor("anyone", "10.0.0.1").toSeconds());
        assertEquals(Duration.ZERO, throttle.lockedFor("anyone", "10.0.0.2"));
    }

    @Test
    void userNamesCountCaseInsensitively() {
        for (String name : new String[] { "Admin", "ADMIN", "admin ", "admin", "aDmin" }) {
            throttle.failed(name, "10.0.0.1");
        }
        assertEquals(900, throttle.lockedFor("admin", "10.0.0.2").toSeconds());
    }
}
