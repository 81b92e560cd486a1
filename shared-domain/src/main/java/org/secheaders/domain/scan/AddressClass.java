package org.secheaders.domain.scan;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** Where an IP address leads, as far as a scanner that must not reach internal networks cares. */
public enum AddressClass {
    /** Routable on the internet. */
    PUBLIC,
    /** {@code 127.0.0.0/8}, {@code ::1}: this machine. */
    LOOPBACK,
    /** RFC 1918, carrier-grade NAT {@code 100.64.0.0/10}, IPv6 unique-local {@code fc00::/7} and site-local. */
    PRIVATE,
    /** {@code 169.254.0.0/16} (where cloud metadata services answer) and {@code fe80::/10}. */
    LINK_LOCAL,
    /** Unspecified ({@code 0.0.0.0/8}, {@code ::}), multicast, broadcast and the reserved {@code 240.0.0.0/4}. */
    RESERVED;

    public static AddressClass of(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return LOOPBACK;
        }
        if (address.isLinkLocalAddress()) {
            return LINK_LOCAL;
        }
        if (address.isSiteLocalAddress()) {
            return PRIVATE;
        }
        if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return RESERVED;
        }
        byte[] bytes = address.getAddress();
        return address instanceof Inet6Address ? ofIpv6(bytes) : ofIpv4(bytes);
    }

    private static AddressClass ofIpv4(byte[] bytes) {
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        if (first == 0 || first >= 240) {
            return RESERVED;
        }
        if (first == 100 && second >= 64 && second < 128) {
            return PRIVATE;
        }
        return PUBLIC;
    }

    private static AddressClass ofIpv6(byte[] bytes) {
        if ((bytes[0] & 0xfe) == 0xfc) {
            return PRIVATE;
        }
        // IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) addresses reach the IPv4
        // address they embed, so they are judged by it: ::127.0.0.1 is loopback.
        boolean compatible = Arrays.equals(Arrays.copyOf(bytes, 12), new byte[12]);
        boolean nat64 = Arrays.equals(Arrays.copyOf(bytes, 12),
                new byte[] {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0});
        if (compatible || nat64) {
            return of(embeddedIpv4(bytes));
        }
        return PUBLIC;
    }

    private static Inet4Address embeddedIpv4(byte[] ipv6) {
        try {
            return (Inet4Address) InetAddress.getByAddress(Arrays.copyOfRange(ipv6, 12, 16));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }
}
