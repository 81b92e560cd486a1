package org.secheaders.domain.csp;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The quoted keyword sources of CSP3 (and the widely shipped extensions). */
public enum CspKeyword {
    SELF("'self'"),
    NONE("'none'"),
    UNSAFE_INLINE("'unsafe-inline'"),
    UNSAFE_EVAL("'unsafe-eval'"),
    UNSAFE_HASHES("'unsafe-hashes'"),
    STRICT_DYNAMIC("'strict-dynamic'"),
    REPORT_SAMPLE("'report-sample'"),
    UNSAFE_ALLOW_REDIRECTS("'unsafe-allow-redirects'"),
    WASM_UNSAFE_EVAL("'wasm-unsafe-eval'"),
    INLINE_SPECULATION_RULES("'inline-speculation-rules'"),
    TRUSTED_TYPES_EVAL("'trusted-types-eval'");

    private final String token;

    CspKeyword(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    /** Keywords are ASCII case-insensitive: {@code 'SELF'} is {@code 'self'}. */
    public static Optional<CspKeyword> fromToken(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.token.equals(lower)).findFirst();
    }
}
