package org.secheaders.domain.compliance.check;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The registry of atomic checks the catalogue may reference, by id. Immutable. */
public final class AtomicChecks {
    private static final AtomicChecks STANDARD = new AtomicChecks(List.of(
            new HttpsRedirectCheck(), new HstsPresentCheck(), new HstsMaxAgeCheck(), new HstsIncludeSubDomainsCheck(),
            new HstsPreloadCheck(),
            new CspPresentCheck(), new CspNoUnsafeInlineCheck(), new CspNoUnsafeEvalCheck(), new CspObjectSrcNoneCheck(),
            new CspBaseUriCheck(), new CspFrameAncestorsCheck(), new CspReportingCheck(), new CspStrictCheck(),
            new CspNoBroadSourcesCheck(), new CspFormActionCheck(), new CspThirdPartyOriginsCheck(),
            new FramingCheck(), new NosniffCheck(), new ReferrerPolicyCheck(),
            new PermissionsPolicyPresentCheck(), new PermissionsPolicyRestrictiveCheck(),
            new CoopCheck(), new CoepCheck(), new CorpCheck(),
            new CookieSecureCheck(), new CookieHttpOnlyCheck(), new CookieSameSiteCheck(), new CookiePrefixCheck(),
            new CorsWildcardCheck(), new CorsReflectionCheck(), new CorsNullOriginCheck(),
            new LeakingHeadersCheck(), new DeprecatedHeadersCheck(), new ContentTypeCharsetCheck(),
            new CacheControlCheck(), new ClearSiteDataCheck(),
            new DriftCheck(),
            new ScanCadenceCheck(), new ChangeVerifiedCheck(), new ChangeAuthoredCheck(), new RemediationTimeCheck(),
            new TriageTimeCheck(), new ReportsReceivedCheck()));

    private final Map<String, AtomicCheck> byId;

    private AtomicChecks(List<AtomicCheck> checks) {
        this.byId = checks.stream().collect(Collectors.toMap(AtomicCheck::id, Function.identity(), (a, b) -> {
            throw new IllegalArgumentException("two atomic checks share the id " + a.id());
        }, TreeMap::new));
    }

    /** Every check this module provides. */
    public static AtomicChecks standard() {
        return STANDARD;
    }

    /** The ids, sorted. */
    public Set<String> ids() {
        return byId.keySet();
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    public AtomicCheck get(String id) {
        AtomicCheck check = byId.get(id);
        if (check == null) {
            throw new IllegalArgumentException("no atomic check '" + id + "'");
        }
        return check;
    }
}
