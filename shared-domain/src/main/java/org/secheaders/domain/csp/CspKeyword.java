package org.secheaders.domain.csp;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

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

    private static final Pattern NONCE_OR_HASH_PREFIX = Pattern.compile("^(nonce|sha256|sha384|sha512)-");

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

    /**
     * Whether an unquoted token reads like a keyword, nonce or hash whose quotes were forgotten
     * ({@code self}, {@code nonce-abc}, {@code sha256-abc}); browsers take such a token for a host name.
     */
    public static boolean looksLikeUnquotedKeyword(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).anyMatch(k -> k.token.equals("'" + lower + "'"))
                || NONCE_OR_HASH_PREFIX.matcher(lower).find();
    }
}
