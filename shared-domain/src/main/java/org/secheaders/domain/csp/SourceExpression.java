package org.secheaders.domain.csp;

import java.util.Locale;
import java.util.Optional;

/**
 * One token of a directive value. Source expressions follow CSP3 §2.3.1; anything else
 * (report-uri URLs, report-to group names, sandbox flags, trusted-types names, invalid tokens)
 * is kept as a {@link Token} so a policy always round-trips.
 *
 * <p>Canonical form (CSP3 case rules): keywords, schemes and hosts are ASCII-lower-cased; nonce
 * and hash values and paths keep their case.
 */
public sealed interface SourceExpression {

    /** The canonical serialized form, e.g. {@code 'self'}, {@code https:}, {@code *.example.com:443/js/}. */
    String serialize();

    /** A quoted keyword such as {@code 'self'} or {@code 'strict-dynamic'}. */
    record Keyword(CspKeyword keyword) implements SourceExpression {
        @Override
        public String serialize() {
            return keyword.token();
        }
    }

    /** {@code 'nonce-<base64>'}; the value is case-sensitive. */
    record Nonce(String value) implements SourceExpression {
        @Override
        public String serialize() {
            return "'nonce-" + value + "'";
        }
    }

    /** {@code 'sha256-<base64>'} (also sha384, sha512); algorithm lower-case, value case-sensitive. */
    record Hash(String algorithm, String value) implements SourceExpression {
        public Hash {
            algorithm = algorithm.toLowerCase(Locale.ROOT);
        }

        @Override
        public String serialize() {
            return "'" + algorithm + "-" + value + "'";
        }
    }

    /** A scheme-source such as {@code https:} or {@code data:}; stored without the colon, lower-case. */
    record Scheme(String scheme) implements SourceExpression {
        public Scheme {
            scheme = scheme.toLowerCase(Locale.ROOT);
        }

        @Override
        public String serialize() {
            return scheme + ":";
        }
    }

    /**
     * A host-source: optional scheme, host (may be {@code *} or start with {@code *.}), optional
     * port (digits or {@code *}) and optional path (case-sensitive).
     */
    record Host(Optional<String> scheme, String host, Optional<String> port, String path)
            implements SourceExpression {
        public Host {
            scheme = scheme.map(s -> s.toLowerCase(Locale.ROOT));
            host = host.toLowerCase(Locale.ROOT);
            path = path == null ? "" : path;
        }

        /** The bare {@code *} wildcard. */
        public boolean isWildcard() {
            return host.equals("*") && scheme.isEmpty() && port.isEmpty() && path.isEmpty();
        }

        @Override
        public String serialize() {
            StringBuilder out = new StringBuilder();
            scheme.ifPresent(s -> out.append(s).append("://"));
            out.append(host);
            port.ifPresent(p -> out.append(':').append(p));
            return out.append(path).toString();
        }
    }

    /** Any other token, kept verbatim (report-uri URLs, group names, sandbox flags, invalid input). */
    record Token(String value) implements SourceExpression {
        @Override
        public String serialize() {
            return value;
        }
    }
}
