package org.fupin.accounts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientAddressTest {
    private final ClientAddress behindProxies = new ClientAddress("10.0.0.5", "192.168.0.0/16", "fd00::/8");

    @ParameterizedTest(name = "{0} from {1} with ''{2}'' -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        a direct client's header is ignored          | 203.0.113.7 | 198.51.100.1              | 203.0.113.7
        no header                                    | 10.0.0.5    | -                         | 10.0.0.5
        one trusted proxy                            | 10.0.0.5    | 198.51.100.1              | 198.51.100.1
        the right-most untrusted hop is the client   | 10.0.0.5    | 1.1.1.1, 198.51.100.1     | 198.51.100.1
        trusted hops are skipped                     | 10.0.0.5    | 198.51.100.1, 192.168.3.4 | 198.51.100.1
        a network of proxies                         | 192.168.9.9 | 198.51.100.1              | 198.51.100.1
        IPv6                                         | fd00::1     | 2001:db8::7               | 2001:db8:0:0:0:0:0:7
        a host name is never looked up               | 10.0.0.5    | evil.example              | 10.0.0.5
        a forged entry ends the walk                 | 10.0.0.5    | 198.51.100.1, x           | 10.0.0.5
        only trusted hops                            | 10.0.0.5    | 192.168.1.1               | 10.0.0.5
        """)
    void believesForwardedForOnlyFromTrustedProxies(String what, String remote, String forwardedFor, String client) {
        assertEquals(client, behindProxies.of(remote, forwardedFor));
    }

    @ParameterizedTest
    @ValueSource(strings = { "proxy.example", "10.0.0.0/33", "10.0.0.0/x", "300.1.1.1" })
    void refusesWhatIsNotAnAddressOrNetwork(String entry) {
        assertThrows(IllegalArgumentException.class, () -> new ClientAddress(entry));
    }

    @ParameterizedTest
    @ValueSource(strings = { "198.51.100.1" })
    void withoutTrustedProxiesTheHeaderIsAlwaysIgnored(String forwarded) {
        assertEquals("10.0.0.5", new ClientAddress().of("10.0.0.5", forwarded));
    }
}
