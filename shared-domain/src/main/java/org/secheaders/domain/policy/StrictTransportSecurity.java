package org.secheaders.domain.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code Strict-Transport-Security} (RFC 6797). Browsers honour it on HTTPS responses only, so it is
 * the one HTTPS-only header of the set.
 *
 * @param maxAgeSeconds     {@code max-age}; 0 tells the browser to forget the host
 * @param includeSubDomains whether the policy covers every subdomain
 * @param preload           the opt-in to browsers' preload lists
 */
public record StrictTransportSecurity(long maxAgeSeconds, boolean includeSubDomains, boolean preload)
        implements SecurityHeader {

    private static final Pattern MAX_AGE = Pattern.compile("max-age\\s*=\\s*(\"?)([0-9]{1,18})\\1");

    public StrictTransportSecurity {
        if (maxAgeSeconds < 0) {
            throw new IllegalArgumentException("max-age " + maxAgeSeconds + " is negative");
        }
    }

    /**
     * Parses a header value. Stricter than RFC 6797, which ignores unknown directives: a typo such as
     * {@code includeSubdomain} must fail when the configuration is loaded, not silently weaken it.
     */
    public static StrictTransportSecurity parse(String raw) {
        if (raw.indexOf(',') >= 0) {
            throw new IllegalArgumentException("'" + raw + "' holds more than one value (a comma)");
        }
        Long maxAge = null;
        boolean subDomains = false;
        boolean preload = false;
        Set<String> seen = new HashSet<>();
        for (String part : raw.split(";", -1)) {
            String directive = part.trim();
            if (directive.isEmpty()) {
                continue;
            }
            String lower = directive.toLowerCase(Locale.ROOT);
            String name = lower.split("[\\s=]", 2)[0];
            if (!seen.add(name)) {
                throw new IllegalArgumentException("'" + raw + "' repeats " + name);
            }
            Matcher maxAgeMatch = MAX_AGE.matcher(lower);
            if (maxAgeMatch.matches()) {
                maxAge = Long.parseLong(maxAgeMatch.group(2));
            } else if (lower.equals("includesubdomains")) {
                subDomains = true;
            } else if (lower.equals("preload")) {
                preload = true;
            } else {
                throw new IllegalArgumentException("'" + directive + "' in '" + raw
                        + "' is not max-age=<seconds>, includeSubDomains or preload");
            }
        }
        if (maxAge == null) {
            throw new IllegalArgumentException("'" + raw + "' has no max-age");
        }
        return new StrictTransportSecurity(maxAge, subDomains, preload);
    }

    @Override
    public HeaderKind kind() {
        return HeaderKind.STRICT_TRANSPORT_SECURITY;
    }

    @Override
    public String value() {
        return "max-age=" + maxAgeSeconds
                + (includeSubDomains ? "; includeSubDomains" : "")
                + (preload ? "; preload" : "");
    }

    /** Tokens: {@code max-age} (shorter), {@code includesubdomains} and {@code preload} (dropped). */
    @Override
    public List<String> weakerThan(SecurityHeader reference) {
        StrictTransportSecurity other = (StrictTransportSecurity) reference;
        List<String> weaker = new ArrayList<>();
        if (maxAgeSeconds < other.maxAgeSeconds) {
            weaker.add("max-age");
        }
        if (other.includeSubDomains && !includeSubDomains) {
            weaker.add("includesubdomains");
        }
        if (other.preload && !preload) {
            weaker.add("preload");
        }
        return weaker;
    }
}
