package org.secheaders.domain.compliance.check;

import java.util.Map;
import java.util.Set;

/** Headers and CSP directives browsers dropped (OSHP), with what replaced them. */
public final class Deprecations {
    /** Lower-case header name → why it is obsolete. */
    public static final Map<String, String> HEADERS = Map.of(
            "feature-policy", "replaced by Permissions-Policy",
            "expect-ct", "Certificate Transparency is enforced by browsers anyway",
            "public-key-pins", "pinning was removed from browsers",
            "public-key-pins-report-only", "pinning was removed from browsers");
    /** Only {@code 0} is acceptable: the filter is gone, and in old browsers it created leaks. */
    public static final String XSS_PROTECTION = "X-XSS-Protection";
    public static final Set<String> CSP_DIRECTIVES = Set.of("block-all-mixed-content", "referrer", "reflected-xss",
            "disown-opener", "prefetch-src", "plugin-types");

    private Deprecations() {
    }
}
