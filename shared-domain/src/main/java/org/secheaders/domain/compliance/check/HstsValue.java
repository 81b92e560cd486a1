package org.secheaders.domain.compliance.check;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code Strict-Transport-Security} value as a browser reads it (RFC 6797 §6.1): directives are
 * case-insensitive, unknown ones are ignored, a repeated directive or a missing {@code max-age}
 * makes the browser ignore the whole header. When the header was sent twice (joined with a comma)
 * only the first is used (§8.1).
 */
record HstsValue(long maxAge, boolean includeSubDomains, boolean preload) {

    static final long ONE_YEAR = 31_536_000;
    /** 180 days: the Observatory's six months, used so that its pass and our warning floor coincide. */
    static final long SIX_MONTHS = 15_552_000;
    private static final Pattern MAX_AGE = Pattern.compile("\"?([0-9]+)\"?");

    static Optional<HstsValue> parse(String header) {
        String first = header.split(",", -1)[0];
        Long maxAge = null;
        boolean subDomains = false;
        boolean preload = false;
        Set<String> seen = new HashSet<>();
        for (String part : first.split(";", -1)) {
            String directive = part.trim();
            if (directive.isEmpty()) {
                continue;
            }
            int eq = directive.indexOf('=');
            String name = (eq < 0 ? directive : directive.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            if (!seen.add(name)) {
                return Optional.empty();
            }
            switch (name) {
                case "max-age" -> {
                    Matcher digits = MAX_AGE.matcher(eq < 0 ? "" : directive.substring(eq + 1).trim());
                    if (!digits.matches()) {
                        return Optional.empty();
                    }
                    maxAge = new BigInteger(digits.group(1)).min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
                }
                case "includesubdomains" -> subDomains = true;
                case "preload" -> preload = true;
                default -> {
                    // RFC 6797 §6.1: unknown directives are ignored.
                }
            }
        }
        return maxAge == null ? Optional.empty() : Optional.of(new HstsValue(maxAge, subDomains, preload));
    }
}
