package org.secheaders.domain.report;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * A pattern over sanitized URIs, with Sentry's CSP-filter semantics:
 * <ul>
 *   <li>{@code scheme:} matches any URI with that scheme, e.g. {@code chrome-extension:} (the trailing colon
 *       is what makes it a scheme; a bare word is a host);</li>
 *   <li>{@code [scheme://]host[:port][/path-prefix]} matches web URLs, where host is {@code *} (any),
 *       {@code *.example.com} (the domain and all its subdomains) or an exact host, and port is digits or
 *       {@code *}.</li>
 * </ul>
 * Matching is case-insensitive for scheme and host. Patterns are validated when built, with the reason.
 */
public final class UriPattern {
    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]{0,31}");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]{2,45}]");

    /** What the pattern constrains: a scheme only, or a host that is any, a domain suffix or exact. */
    enum Kind { SCHEME, ANY_HOST, HOST_SUFFIX, EXACT_HOST }

    private final String text;
    private final Optional<String> scheme;
    private final Kind kind;
    private final String host;
    private final OptionalInt port;
    private final String pathPrefix;

    private UriPattern(String text, Optional<String> scheme, Kind kind, String host, OptionalInt port,
            String pathPrefix) {
        this.text = text;
        this.scheme = scheme;
        this.kind = kind;
        this.host = host;
        this.port = port;
        this.pathPrefix = pathPrefix;
    }

    /** @throws IllegalArgumentException naming the pattern and what is wrong with it */
    public static UriPattern parse(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        String text = pattern.strip().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            throw invalid(pattern, "it is empty");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw invalid(pattern, "it contains whitespace or control characters");
            }
            if (c == '?' || c == '#') {
                throw invalid(pattern, "'?' and '#' cannot match: reports are stored without query or fragment");
            }
        }
        if (text.endsWith(":") && SCHEME.matcher(text.substring(0, text.length() - 1)).matches()) {
            return new UriPattern(text, Optional.of(text.substring(0, text.length() - 1)), Kind.SCHEME, "",
                    OptionalInt.empty(), "");
        }
        Optional<String> scheme = Optional.empty();
        String rest = text;
        int separator = text.indexOf("://");
        if (separator >= 0) {
            scheme = Optional.of(text.substring(0, separator));
            if (!SCHEME.matcher(scheme.get()).matches()) {
                throw invalid(pattern, "scheme '" + scheme.get() + "' is not a valid scheme name");
            }
            rest = text.substring(separator + 3);
        }
        int slash = rest.indexOf('/');
        String pathPrefix = slash < 0 ? "" : rest.substring(slash);
        String hostPort = slash < 0 ? rest : rest.substring(0, slash);
        int colon = hostPort.startsWith("[") ? hostPort.indexOf(':', Math.max(hostPort.indexOf(']'), 0))
                : hostPort.lastIndexOf(':');
        String hostGlob = colon < 0 ? hostPort : hostPort.substring(0, colon);
        OptionalInt port = colon < 0 ? OptionalInt.empty() : port(pattern, hostPort.substring(colon + 1));
        if (hostGlob.equals("*")) {
            return new UriPattern(text, scheme, Kind.ANY_HOST, "", port, pathPrefix);
        }
        if (hostGlob.startsWith("*.")) {
            String suffix = hostGlob.substring(2);
            requireHost(pattern, suffix);
            return new UriPattern(text, scheme, Kind.HOST_SUFFIX, suffix, port, pathPrefix);
        }
        requireHost(pattern, hostGlob);
        return new UriPattern(text, scheme, Kind.EXACT_HOST, hostGlob, port, pathPrefix);
    }

    /** The pattern as written (lower-cased), used as the rule name in verdicts. */
    public String text() {
        return text;
    }

    /** True when this pattern matches the URI. */
    public boolean matches(SanitizedUri uri) {
        if (kind == Kind.SCHEME) {
            return uri.scheme().equals(scheme.orElseThrow());
        }
        if (!(uri instanceof SanitizedUri.Web web)) {
            return false;
        }
        return scheme.map(s -> s.equals(web.scheme())).orElse(true)
                && hostMatches(web.hostName())
                && (port.isEmpty() || port.getAsInt() == web.effectivePort())
                && web.path().startsWith(pathPrefix);
    }

    Kind kind() {
        return kind;
    }

    /** The exact host or the suffix of a {@code *.} pattern; empty for {@code *} and scheme patterns. */
    String host() {
        return host;
    }

    Optional<String> scheme() {
        return scheme;
    }

    private boolean hostMatches(String candidate) {
        return switch (kind) {
            case SCHEME, ANY_HOST -> true;
            case EXACT_HOST -> candidate.equals(host);
            case HOST_SUFFIX -> candidate.equals(host)
                    || (candidate.endsWith(host) && candidate.charAt(candidate.length() - host.length() - 1) == '.');
        };
    }

    private static OptionalInt port(String pattern, String digits) {
        if (digits.equals("*")) {
            return OptionalInt.empty();
        }
        if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(digits) == 0 || Integer.parseInt(digits) > 65_535) {
            throw invalid(pattern, "port '" + digits + "' is not 1-65535 or *");
        }
        return OptionalInt.of(Integer.parseInt(digits));
    }

    private static void requireHost(String pattern, String host) {
        if (host.isEmpty()) {
            throw invalid(pattern, "the host is missing");
        }
        if (host.contains("*")) {
            throw invalid(pattern, "'*' is only allowed as the whole host or a leading '*.'");
        }
        if (IPV6.matcher(host).matches()) {
            return;
        }
        for (String label : host.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw invalid(pattern, "host '" + host + "' has an invalid label '" + label + "'");
            }
        }
    }

    private static IllegalArgumentException invalid(String pattern, String reason) {
        return new IllegalArgumentException("invalid pattern " + Text.quote(pattern) + ": " + reason);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UriPattern p && p.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
