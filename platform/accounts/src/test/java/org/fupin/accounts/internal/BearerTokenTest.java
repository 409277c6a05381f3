package org.fupin.accounts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.fupin.accounts.api.Authentication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How every reader of bearer tokens (the token filters, sign-out, password change) reads the header. */
class BearerTokenTest {
    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Bearer abc          | abc
            bearer abc          | abc
            BEARER   abc        | abc
            'Bearer abc  '      | abc
            'Bearer '           | ''
            Bearer              | -
            Basic YWRtaW46eA==  | -
            Bearerabc           | -
            ''                  | -
            -                   | -
            """)
    void theTokenIsWhatFollowsTheBearerScheme(String header, String token) {
        assertEquals(Optional.ofNullable(token), Authentication.bearerToken(header));
    }
}
