package org.fupin.accounts.internal;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The client's address for the sign-in lock and the audit trail. {@code X-Forwarded-For} is believed only from the
 * configured proxies: a request that arrives from one is attributed to the right-most address in the header that is
 * not itself a trusted proxy (each proxy appends the address it received from); from anyone else the header is
 * ignored, or a client could pick the address its failed sign-ins count against.
 */
final class ClientAddress {
    /**
     * Literal addresses only — dotted IPv4, or IPv6 (with a colon, which the JDK parses without a look-up): anything
     * else, even "300.1.1.1", the JDK would try as a host name, a DNS query per request.
     */
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private record Network(BigInteger base, int prefix, int bits) {
        boolean contains(InetAddress address) {
            int length = address.getAddress().length * 8;
            if (length != bits) {
                return false;
            }
            return new BigInteger(1, address.getAddress()).shiftRight(bits - prefix)
                    .equals(base.shiftRight(bits - prefix));
        }
    }

    private final List<Network> trusted;

    /**
     * @param trustedProxies addresses ({@code 10.0.0.5}) and networks ({@code 10.0.0.0/8}, {@code fd00::/8})
     * @throws IllegalArgumentException an entry that is neither
     */
    ClientAddress(String... trustedProxies) {
        var networks = new ArrayList<Network>();
        for (String entry : trustedProxies) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            String[] parts = entry.strip().split("/", 2);
            InetAddress address = literal(parts[0])
                    .orElseThrow(() -> new IllegalArgumentException("not an IP address or network: " + entry));
            int bits = address.getAddress().length * 8;
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("prefix out of range: " + entry);
            }
            networks.add(new Network(new BigInteger(1, address.getAddress()), prefix, bits));
        }
        this.trusted = List.copyOf(networks);
    }

    String of(String remoteAddress, String forwardedFor) {
        if (forwardedFor == null || !isTrusted(remoteAddress)) {
            return remoteAddress;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            var address = literal(hop);
            if (address.isEmpty()) {
                return remoteAddress; // a forged or garbled header: keep what we know
            }
            if (!isTrusted(hop)) {
                return address.get().getHostAddress();
            }
        }
        return remoteAddress;
    }

    private boolean isTrusted(String address) {
        var parsed = literal(address);
        return parsed.isPresent() && trusted.stream().anyMatch(n -> n.contains(parsed.get()));
    }

    private static java.util.Optional<InetAddress> literal(String text) {
        if (text == null || text.length() > 45 || !IPV4.matcher(text).matches() && !IPV6.matcher(text).matches()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return java.util.Optional.empty();
        }
    }
}
