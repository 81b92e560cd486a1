package org.secheaders.domain.report;

import java.util.List;
import java.util.Objects;

/**
 * What the classifier knows about a tenant, validated when built.
 *
 * @param firstPartyHosts   the tenant's own hosts (the reporting document's host always counts too)
 * @param policyHosts       hosts the tenant's policies allow somewhere; "known", though not first-party
 * @param threatHosts       hosts on a threat list (platform or tenant intelligence)
 * @param sensitivePaths    document path prefixes such as {@code /checkout} where exfiltration matters most
 */
public record ClassificationContext(
        UriPatternSet firstPartyHosts, UriPatternSet policyHosts, UriPatternSet threatHosts, List<String> sensitivePaths) {
    private static final ClassificationContext NONE = new ClassificationContext(
            UriPatternSet.empty(), UriPatternSet.empty(), UriPatternSet.empty(), List.of());

    public ClassificationContext {
        Objects.requireNonNull(firstPartyHosts, "firstPartyHosts");
        Objects.requireNonNull(policyHosts, "policyHosts");
        Objects.requireNonNull(threatHosts, "threatHosts");
        sensitivePaths = List.copyOf(sensitivePaths);
        for (String path : sensitivePaths) {
            if (!path.startsWith("/") || path.indexOf('?') >= 0 || path.indexOf('#') >= 0) {
                throw new IllegalArgumentException("sensitive path " + Text.quote(path)
                        + " must start with '/' and have no query or fragment");
            }
        }
    }

    /** No tenant knowledge: only the document's own host is first-party. */
    public static ClassificationContext none() {
        return NONE;
    }

    /** @throws IllegalArgumentException naming the list and each invalid pattern or path */
    public static ClassificationContext of(
            List<String> firstPartyHosts, List<String> policyHosts, List<String> threatHosts, List<String> sensitivePaths) {
        return new ClassificationContext(patterns("firstPartyHosts", firstPartyHosts),
                patterns("policyHosts", policyHosts), patterns("threatHosts", threatHosts), sensitivePaths);
    }

    private static UriPatternSet patterns(String list, List<String> patterns) {
        try {
            return UriPatternSet.of(patterns);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(list + ": " + e.getMessage(), e);
        }
    }
}
