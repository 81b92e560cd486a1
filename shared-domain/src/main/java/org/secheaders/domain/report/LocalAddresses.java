package org.secheaders.domain.report;

/** Recognizes loopback, private, link-local and unspecified IP literals in a sanitized host. */
final class LocalAddresses {
    private LocalAddresses() {
    }

    static boolean isLocal(String host) {
        if (host.startsWith("[")) {
            return host.equals("[::1]") || host.equals("[::]") || host.startsWith("[fc") || host.startsWith("[fd")
                    || host.startsWith("[fe8") || host.startsWith("[fe9") || host.startsWith("[fea")
                    || host.startsWith("[feb");
        }
        int[] octets = ipv4(host);
        if (octets.length == 0) {
            return false;
        }
        int a = octets[0];
        int b = octets[1];
        return a == 127 || a == 10 || a == 0
                || (a == 172 && b >= 16 && b <= 31)
                || (a == 192 && b == 168)
                || (a == 169 && b == 254);
    }

    /** The four octets of a dotted-decimal IPv4 literal, or an empty array. */
    private static int[] ipv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return new int[0];
        }
        int[] octets = new int[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return new int[0];
            }
            octets[i] = Integer.parseInt(part);
            if (octets[i] > 255) {
                return new int[0];
            }
        }
        return octets;
    }
}
