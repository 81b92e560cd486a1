package org.secheaders.domain.report;

import java.util.Locale;
import java.util.Optional;

/** The non-URL values of blocked-uri (CSP3 §5.3), plus {@code 'self'} for what older browsers sent instead. */
public enum BlockedKeyword {
    INLINE("inline"),
    EVAL("eval"),
    WASM_EVAL("wasm-eval"),
    TRUSTED_TYPES_POLICY("trusted-types-policy"),
    TRUSTED_TYPES_SINK("trusted-types-sink"),
    /** Empty, {@code self} or {@code 'self'}: an old browser's inline or eval violation (origin unknown). */
    SELF("'self'");

    private final String wireValue;

    BlockedKeyword(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The stored blocked_uri value. */
    public String wireValue() {
        return wireValue;
    }

    /** Inline code, or an old browser's {@code self} that stood for it; these carry script samples. */
    public boolean isInlineLike() {
        return this == INLINE || this == SELF;
    }

    public boolean isEvalLike() {
        return this == EVAL || this == WASM_EVAL;
    }

    static Optional<BlockedKeyword> parse(String raw) {
        String value = raw.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "", "self", "'self'" -> Optional.of(SELF);
            case "inline" -> Optional.of(INLINE);
            case "eval" -> Optional.of(EVAL);
            case "wasm-eval" -> Optional.of(WASM_EVAL);
            case "trusted-types-policy" -> Optional.of(TRUSTED_TYPES_POLICY);
            case "trusted-types-sink" -> Optional.of(TRUSTED_TYPES_SINK);
            default -> Optional.empty();
        };
    }
}
