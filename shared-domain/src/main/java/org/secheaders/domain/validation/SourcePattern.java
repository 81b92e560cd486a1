package org.secheaders.domain.validation;

import java.util.List;
import java.util.Optional;

/**
 * A host-source as a URL pattern, matched against known bypass URLs the way the CSP Evaluator's
 * {@code matchWildcardUrls} does: {@code *.host} matches proper subdomains only, a path ending in
 * {@code /} matches as a prefix (CSP2 path matching), any other path exactly; scheme and port are ignored.
 */
record SourcePattern(String host, boolean subdomainWildcard, String path) {

    static SourcePattern of(String sourceValue) {
        String host = SourceValues.hostname(sourceValue);
        boolean wildcard = host.startsWith("*.");
        String path = SourceValues.path(SourceValues.schemeFree(sourceValue));
        return new SourcePattern(wildcard ? host.substring(1) : host, wildcard, path);
    }

    /** The first URL this pattern allows, if any. */
    Optional<AllowlistBypasses.Url> firstMatch(List<AllowlistBypasses.Url> urls) {
        return urls.stream().filter(this::matches).findFirst();
    }

    private boolean matches(AllowlistBypasses.Url url) {
        boolean hostMatches = subdomainWildcard ? url.host().endsWith(host) : url.host().equals(host);
        if (!hostMatches) {
            return false;
        }
        if (path.equals("/")) {
            return true;
        }
        return path.endsWith("/") ? url.path().startsWith(path) : url.path().equals(path);
    }
}
