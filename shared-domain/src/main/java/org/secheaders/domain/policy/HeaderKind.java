package org.secheaders.domain.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The managed security headers besides the two CSP headers, in the order they are rendered. */
public enum HeaderKind {
    STRICT_TRANSPORT_SECURITY("Strict-Transport-Security", true, StrictTransportSecurity::parse),
    X_FRAME_OPTIONS("X-Frame-Options", false, raw -> RankedHeader.parse(FrameOptions.class, raw)),
    X_CONTENT_TYPE_OPTIONS("X-Content-Type-Options", false, raw -> RankedHeader.parse(ContentTypeOptions.class, raw)),
    REFERRER_POLICY("Referrer-Policy", false, raw -> RankedHeader.parse(ReferrerPolicy.class, raw)),
    PERMISSIONS_POLICY("Permissions-Policy", false, PermissionsPolicy::parse),
    CROSS_ORIGIN_OPENER_POLICY("Cross-Origin-Opener-Policy", false,
            raw -> RankedHeader.parse(CrossOriginOpenerPolicy.class, raw)),
    CROSS_ORIGIN_EMBEDDER_POLICY("Cross-Origin-Embedder-Policy", false,
            raw -> RankedHeader.parse(CrossOriginEmbedderPolicy.class, raw)),
    CROSS_ORIGIN_RESOURCE_POLICY("Cross-Origin-Resource-Policy", false,
            raw -> RankedHeader.parse(CrossOriginResourcePolicy.class, raw)),
    REPORTING_ENDPOINTS("Reporting-Endpoints", false, ReportingEndpoints::parse);

    private final String headerName;
    private final boolean httpsOnly;
    private final Function<String, SecurityHeader> parser;

    HeaderKind(String headerName, boolean httpsOnly, Function<String, SecurityHeader> parser) {
        this.headerName = headerName;
        this.httpsOnly = httpsOnly;
        this.parser = parser;
    }

    /** The header name as rendered, e.g. {@code Strict-Transport-Security}. */
    public String headerName() {
        return headerName;
    }

    /** Whether the header may only be sent on HTTPS responses (browsers ignore HSTS over HTTP; RFC 6797 §7.2). */
    public boolean httpsOnly() {
        return httpsOnly;
    }

    /** Parses a configured value; the exception message names the header and the value. */
    public SecurityHeader parse(String raw) {
        try {
            return parser.apply(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(headerName + ": " + e.getMessage(), e);
        }
    }

    /** Header names are case-insensitive. */
    public static Optional<HeaderKind> byName(String name) {
        return Arrays.stream(values()).filter(k -> k.headerName.equalsIgnoreCase(name.trim())).findFirst();
    }

    /** The lower-case name, as used in weakening grants ({@code x-frame-options:sameorigin}). */
    String grantName() {
        return headerName.toLowerCase(Locale.ROOT);
    }
}
