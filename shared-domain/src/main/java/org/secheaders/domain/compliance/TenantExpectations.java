package org.secheaders.domain.compliance;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the tenant declared about its application, which some rules need and headers cannot show.
 * Host and feature names are lower-cased; every rule that lists them sorts them first.
 *
 * @param sessionCookieNames     cookies that carry a session; empty means "guess from the name"
 * @param trustedOrigins         origins the CORS allowlist may answer with (exact, e.g. {@code https://app.example})
 * @param firstPartyHosts        hosts that are the tenant's own (a leading {@code *.} covers subdomains)
 * @param declaredThirdParties   third-party hosts declared as processors (same syntax)
 * @param declaredFeatures       Permissions-Policy features the application uses, with a declared purpose
 * @param reportingEndpoint      the CSP report collector URL, used when proposing {@code report-to}
 * @param serviceLevels          cadence and SLAs the history checks measure against
 */
public record TenantExpectations(
        Set<String> sessionCookieNames,
        Set<String> trustedOrigins,
        Set<String> firstPartyHosts,
        Set<String> declaredThirdParties,
        Set<String> declaredFeatures,
        Optional<String> reportingEndpoint,
        ServiceLevels serviceLevels) {

    public TenantExpectations {
        sessionCookieNames = Set.copyOf(sessionCookieNames);
        trustedOrigins = Set.copyOf(trustedOrigins);
        firstPartyHosts = lowerCase(firstPartyHosts);
        declaredThirdParties = lowerCase(declaredThirdParties);
        declaredFeatures = lowerCase(declaredFeatures);
        Objects.requireNonNull(reportingEndpoint, "reportingEndpoint");
        Objects.requireNonNull(serviceLevels, "serviceLevels");
    }

    /** Nothing declared, default service levels. */
    public static TenantExpectations none() {
        return new TenantExpectations(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Optional.empty(),
                ServiceLevels.defaults());
    }

    public TenantExpectations withSessionCookieNames(Set<String> names) {
        return new TenantExpectations(names, trustedOrigins, firstPartyHosts, declaredThirdParties, declaredFeatures,
                reportingEndpoint, serviceLevels);
    }

    public TenantExpectations withTrustedOrigins(Set<String> origins) {
        return new TenantExpectations(sessionCookieNames, origins, firstPartyHosts, declaredThirdParties,
                declaredFeatures, reportingEndpoint, serviceLevels);
    }

    public TenantExpectations withHosts(Set<String> firstParty, Set<String> thirdParties) {
        return new TenantExpectations(sessionCookieNames, trustedOrigins, firstParty, thirdParties, declaredFeatures,
                reportingEndpoint, serviceLevels);
    }

    public TenantExpectations withDeclaredFeatures(Set<String> features) {
        return new TenantExpectations(sessionCookieNames, trustedOrigins, firstPartyHosts, declaredThirdParties,
                features, reportingEndpoint, serviceLevels);
    }

    public TenantExpectations withReportingEndpoint(String url) {
        return new TenantExpectations(sessionCookieNames, trustedOrigins, firstPartyHosts, declaredThirdParties,
                declaredFeatures, Optional.of(url), serviceLevels);
    }

    public TenantExpectations withServiceLevels(ServiceLevels levels) {
        return new TenantExpectations(sessionCookieNames, trustedOrigins, firstPartyHosts, declaredThirdParties,
                declaredFeatures, reportingEndpoint, levels);
    }

    private static Set<String> lowerCase(Set<String> values) {
        TreeSet<String> lower = new TreeSet<>();
        values.forEach(v -> lower.add(v.trim().toLowerCase(Locale.ROOT)));
        return Set.copyOf(lower);
    }
}
