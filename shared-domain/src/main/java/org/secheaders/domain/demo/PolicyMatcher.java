package org.secheaders.domain.demo;

import java.util.List;
import java.util.Locale;

/**
 * Decides whether a {@link SitePolicy} blocks a resource, so demo pages only report what their
 * policy really forbids (and stop reporting once a policy change allows it). A simplified CSP3
 * matcher, enough for the demo policies: keywords, nonces, {@code 'strict-dynamic'}, scheme
 * sources and host sources with an optional {@code *.} prefix; ports and paths are ignored.
 */
final class PolicyMatcher {
    private PolicyMatcher() {
    }

    /**
     * @param blocked    a URL or one of the {@link ViolationSource} keywords
     * @param siteOrigin the page's origin, e.g. {@code https://acme-shop.example}
     */
    static boolean blocks(SitePolicy policy, String directive, String blocked, String siteOrigin) {
        if (directive.equals("require-trusted-types-for") || directive.equals("frame-ancestors")) {
            // Reported whenever the directive is present: a sink hit, or a framing by a foreign page.
            return policy.directives().containsKey(directive);
        }
        return policy.governing(directive)
                .map(name -> !allows(policy, name, directive, blocked, siteOrigin))
                .orElse(false);
    }

    private static boolean allows(SitePolicy policy, String governing, String directive, String blocked,
                                  String siteOrigin) {
        List<String> tokens = policy.tokens(governing);
        if (blocked.equals(ViolationSource.INLINE)) {
            return allowsInline(policy, governing, directive, tokens);
        }
        if (blocked.equals(ViolationSource.EVAL)) {
            return tokens.contains("'unsafe-eval'");
        }
        if (isScriptDirective(directive) && tokens.contains("'strict-dynamic'")) {
            // Host, scheme and 'self' sources are ignored; a parser-inserted script without nonce is blocked.
            return false;
        }
        String scheme = scheme(blocked);
        String host = host(blocked);
        return tokens.stream().anyMatch(token -> matches(token, scheme, host, siteOrigin));
    }

    /** A nonce or hash disables 'unsafe-inline' for elements; attributes can only be allowed by 'unsafe-inline'. */
    private static boolean allowsInline(SitePolicy policy, String governing, String directive, List<String> tokens) {
        boolean unsafeInline = tokens.contains("'unsafe-inline'");
        if (directive.endsWith("-attr")) {
            return unsafeInline;
        }
        boolean nonceOrHash = policy.nonceDirectives().contains(governing)
                || tokens.stream().anyMatch(token -> token.startsWith("'sha256-"));
        return unsafeInline && !nonceOrHash;
    }

    private static boolean matches(String token, String scheme, String host, String siteOrigin) {
        if (token.equals("'self'")) {
            return siteOrigin.equals("https://" + host) && (scheme.equals("https") || scheme.equals("wss"));
        }
        if (token.equals("*")) {
            return scheme.equals("https") || scheme.equals("http") || scheme.equals("wss");
        }
        if (token.startsWith("'")) {
            return false;
        }
        if (token.endsWith(":")) {
            String allowed = token.substring(0, token.length() - 1);
            return allowed.equals(scheme) || allowed.equals("https") && scheme.equals("wss");
        }
        int separator = token.indexOf("://");
        String tokenScheme = separator < 0 ? "https" : token.substring(0, separator);
        String tokenHost = separator < 0 ? token : token.substring(separator + 3);
        boolean schemeOk = tokenScheme.equals(scheme) || tokenScheme.equals("https") && scheme.equals("wss");
        return schemeOk && (tokenHost.startsWith("*.")
                ? host.endsWith(tokenHost.substring(1))
                : host.equals(tokenHost));
    }

    private static boolean isScriptDirective(String directive) {
        return directive.startsWith("script-src");
    }

    static String scheme(String url) {
        int colon = url.indexOf(':');
        return colon < 0 ? "" : url.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    /** The host of a hierarchical URL, empty for {@code data:} and other opaque URLs. */
    static String host(String url) {
        int start = url.indexOf("://");
        if (start < 0) {
            return "";
        }
        int end = start + 3;
        while (end < url.length() && "/:?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        return url.substring(start + 3, end).toLowerCase(Locale.ROOT);
    }
}
