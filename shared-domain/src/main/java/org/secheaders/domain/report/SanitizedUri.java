package org.secheaders.domain.report;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A URI from a report reduced to what is safe and useful to keep: never a query, fragment or
 * credentials. Only web URLs keep a host and path; other schemes keep their scheme only (CSP3
 * reports them that way, and e.g. {@code blob:} or {@code file:} URLs carry page or user data).
 */
public sealed interface SanitizedUri {

    /** The stored form, e.g. {@code https://cdn.example.com/app.js}, {@code data:}, {@code about:srcdoc}. */
    String value();

    /** The lower-case scheme, or empty for an opaque value. */
    String scheme();

    /** The lower-case host of a web URL. */
    Optional<String> host();

    /** An http(s) or ws(s) URL; the port is present only when it is not the scheme's default. */
    record Web(String scheme, String hostName, OptionalInt port, String path) implements SanitizedUri {
        @Override
        public String value() {
            String authority = port.isPresent() ? hostName + ":" + port.getAsInt() : hostName;
            return scheme + "://" + authority + path;
        }

        @Override
        public Optional<String> host() {
            return Optional.of(hostName);
        }

        /** The explicit port, else the scheme's default (80 for http/ws, 443 for https/wss). */
        public int effectivePort() {
            return port.orElse(defaultPort(scheme));
        }

        static int defaultPort(String scheme) {
            return scheme.equals("https") || scheme.equals("wss") ? 443 : 80;
        }
    }

    /** A non-web URL kept as its scheme; {@code about:} keeps its page name ({@code blank}, {@code srcdoc}). */
    record SchemeOnly(String scheme, String detail) implements SanitizedUri {
        @Override
        public String value() {
            return scheme + ":" + detail;
        }

        @Override
        public Optional<String> host() {
            return Optional.empty();
        }
    }

    /** A value that is not a URL (no scheme, or a web scheme without a valid host), cleaned and capped. */
    record Opaque(String text) implements SanitizedUri {
        @Override
        public String value() {
            return text;
        }

        @Override
        public String scheme() {
            return "";
        }

        @Override
        public Optional<String> host() {
            return Optional.empty();
        }
    }
}
