package org.secheaders.domain.csp;

import java.util.Optional;

/**
 * Something the parser noticed while reading a policy. Parsing never fails: the policy is read the
 * way a CSP3 browser reads it, and what the browser would silently drop or misread is reported here.
 *
 * @param directive the lower-case directive name the problem is in
 * @param value     the offending token, when the problem is a single token
 */
public record CspParseFinding(Kind kind, String directive, Optional<String> value, String message) {

    public enum Kind {
        /** A directive repeated in one policy; browsers keep the first and ignore the repeat. */
        DUPLICATE_DIRECTIVE,
        /** A directive containing non-ASCII characters; browsers drop it entirely. */
        NON_ASCII_DIRECTIVE,
        /** A keyword, nonce or hash without its single quotes, read as a host name. */
        UNQUOTED_KEYWORD,
        /** A quoted token that is no keyword, or a nonce or hash whose value is not base64. */
        INVALID_KEYWORD,
        /** A token that is no source expression at all. */
        INVALID_SOURCE,
        /** {@code 'none'} next to other sources, where it has no effect. */
        NONE_WITH_OTHER_SOURCES
    }

    static CspParseFinding ofDirective(Kind kind, String directive, String message) {
        return new CspParseFinding(kind, directive, Optional.empty(), message);
    }

    static CspParseFinding ofValue(Kind kind, String directive, String value, String message) {
        return new CspParseFinding(kind, directive, Optional.of(value), message);
    }
}
