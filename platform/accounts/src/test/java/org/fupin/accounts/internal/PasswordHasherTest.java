package org.fupin.accounts.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {
    final PasswordHasher hasher = new PasswordHasher();

    @Test
    void aHashIsArgon2idInPhcFormWithOwaspCost() {
        String hash = hasher.hash("fupin-demo");

        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertTrue(hasher.verify("fupin-demo", hash));
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        String first = hasher.hash("fupin-demo");
        String second = hasher.hash("fupin-demo");

        assertNotEquals(first, second, "a fresh salt every time");
        assertTrue(hasher.verify("fupin-demo", second));
    }

    @ParameterizedTest
    @ValueSource(strings = { "fupin-demO", "fupin-dem", "fupin-demo ", "", "扶贫-demo" })
    void anyOtherPasswordFails(String wrong) {
        assertFalse(hasher.verify(wrong, hasher.hash("fupin-demo")));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "", "plain", "$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA",
            "$argon2id$v=19$m=99999999,t=2,p=1$c2FsdHNhbHQ$aGFzaA" })
    void aMalformedStoredHashMatchesNothing(String stored) {
        assertFalse(hasher.verify("fupin-demo", stored));
    }
}
