package org.secheaders.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.secheaders.domain.model.PolicyInheritanceMode;
import org.secheaders.domain.model.PolicyType;
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.domain.policy.CspSourceChange.RemovedSource;

class CspSourceChangeTest {
    private static final Instant T0 = Instant.parse("2026-05-01T12:00:00Z");

    private static TenantSecurityPolicy row(PolicyType type, boolean active, Map<String, List<String>> csp,
            Map<String, List<String>> reportOnly) {
        return new TenantSecurityPolicy(12, 7, "main", type, new PolicyConfig(csp, reportOnly, null, null, null),
                PolicyInheritanceMode.EXTEND, OverridePermissions.none(), active, T0, Optional.empty(), T0, T0);
    }

    @Test
    void anUpdateRecordsTheSourcesItAddedAndRemovedPerDirective() {
        TenantSecurityPolicy before = row(PolicyType.HEADERS, true,
                Map.of("script-src", List.of("'self'", "https://cdn.example.com"), "img-src", List.of("'self'")), Map.of());
        TenantSecurityPolicy after = row(PolicyType.HEADERS, true,
                Map.of("script-src", List.of("'self'"), "img-src", List.of("'self'", "data:")), Map.of());

        CspSourceChange change = CspSourceChange.between(Optional.of(before), after);

        assertEquals(Map.of("img-src", List.of("data:")), change.enforced().added());
        assertEquals(Map.of("script-src", List.of("https://cdn.example.com")), change.enforced().removed());
        assertTrue(change.reportOnly().added().isEmpty() && change.reportOnly().removed().isEmpty());
        assertEquals(Map.of(CspSourceChange.ENFORCED_ADDED, Map.of("img-src", List.of("data:")),
                CspSourceChange.ENFORCED_REMOVED, Map.of("script-src", List.of("https://cdn.example.com"))),
                change.auditDetails());
        assertEquals(change, CspSourceChange.fromAuditDetails(change.auditDetails()), "round-trips through the audit log");
    }

    @Test
    void activationAddsAndDeactivationRemovesWhatTheRowContributes() {
        TenantSecurityPolicy inactive = row(PolicyType.CSP, false, Map.of("connect-src", List.of("api.example.com")),
                Map.of("connect-src", List.of("ignored.example.com")));
        TenantSecurityPolicy active = row(PolicyType.CSP, true, inactive.policyConfig().csp(),
                inactive.policyConfig().cspReportOnly());

        assertTrue(CspSourceChange.between(Optional.empty(), inactive).isEmpty(), "a new inactive row changes nothing");
        assertEquals(Map.of("connect-src", List.of("api.example.com")),
                CspSourceChange.between(Optional.of(inactive), active).enforced().added());
        assertEquals(Map.of("connect-src", List.of("api.example.com")),
                CspSourceChange.between(Optional.of(active), inactive).enforced().removed());
        assertTrue(CspSourceChange.between(Optional.of(active), inactive).reportOnly().removed().isEmpty(),
                "a csp row contributes no report-only sources");
    }

    @Test
    void findsTheRemovedSourcesThatAllowedABlockedHostAlongTheFallbackChain() {
        TenantSecurityPolicy before = row(PolicyType.HEADERS, true,
                Map.of("default-src", List.of("'self'", "*.example.com"), "script-src", List.of("https://cdn.example.com/js/")),
                Map.of("script-src-elem", List.of("cdn.example.com:443")));
        TenantSecurityPolicy after = row(PolicyType.HEADERS, true,
                Map.of("default-src", List.of("'self'")), Map.of());
        CspSourceChange change = CspSourceChange.between(Optional.of(before), after);

        assertEquals(List.of(
                        new RemovedSource("script-src-elem", "cdn.example.com:443", true),
                        new RemovedSource("script-src", "https://cdn.example.com/js/", false),
                        new RemovedSource("default-src", "*.example.com", false)),
                change.removedFor("script-src-elem", "CDN.example.com"));
        assertEquals(List.of(new RemovedSource("default-src", "*.example.com", false)),
                change.removedFor("img-src", "img.example.com"));
        assertEquals(List.of(), change.removedFor("img-src", "example.com"), "*.example.com does not match the apex");
        assertEquals(List.of(), change.removedFor("frame-ancestors", "cdn.example.com"), "no fallback for frame-ancestors");
    }

    @Test
    void sourceExpressionsMatchHostsAsBrowsersWould() {
        assertTrue(CspSourceChange.allows("https:", "any.example"));
        assertTrue(CspSourceChange.allows("*", "any.example"));
        assertTrue(CspSourceChange.allows("wss://ws.example.com:8443/socket", "ws.example.com"));
        assertFalse(CspSourceChange.allows("'self'", "self"));
        assertFalse(CspSourceChange.allows("'nonce-abc'", "abc"));
        assertFalse(CspSourceChange.allows("data:", "data"));
        assertFalse(CspSourceChange.allows("cdn.example.com", "evil.example.com"));
    }

    @Test
    void auditEntriesWithoutTheKeysChangedNoSources() {
        assertTrue(CspSourceChange.fromAuditDetails(Map.of("policy_version", 3, "csp_sources_removed", "garbled")).isEmpty());
    }
}
