package org.secheaders.enforcement.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.secheaders.domain.model.PolicyInheritanceMode;
import org.secheaders.domain.model.PolicyType;
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.enforcement.TenantKey;

class StaticPolicyFileTest {

    @Test
    void readsTenantsWithDefaultsAndExplicitFields(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tenants.json");
        Files.writeString(file, """
                {"tenants": {
                  "acme": [{"name": "cdn", "config": {"csp": {"script-src": ["https://cdn.acme.example"]},
                                                      "headers": {"Referrer-Policy": "no-referrer"}}}],
                  "beta": [{"name": "strict", "type": "csp", "inheritance": "override", "active": false,
                            "effectiveFrom": "2026-01-01T00:00:00Z", "effectiveUntil": "2027-01-01T00:00:00Z",
                            "config": {"removeHeaders": ["X-Runtime"]},
                            "overridePermissions": {"directives": ["script-src"]}}]
                }}""");

        Map<TenantKey, List<TenantSecurityPolicy>> tenants = StaticPolicyFile.read(file);

        TenantSecurityPolicy acme = tenants.get(new TenantKey("acme")).get(0);
        assertEquals("cdn", acme.policyName());
        assertEquals(PolicyType.HEADERS, acme.policyType());
        assertEquals(PolicyInheritanceMode.EXTEND, acme.inheritanceMode());
        assertTrue(acme.active());
        assertEquals(List.of("https://cdn.acme.example"), acme.policyConfig().csp().get("script-src"));
        assertEquals("no-referrer", acme.policyConfig().headers().get("Referrer-Policy"));

        TenantSecurityPolicy beta = tenants.get(new TenantKey("beta")).get(0);
        assertEquals(PolicyType.CSP, beta.policyType());
        assertEquals(PolicyInheritanceMode.OVERRIDE, beta.inheritanceMode());
        assertEquals(false, beta.active());
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), beta.effectiveFrom());
        assertEquals(Optional.of(Instant.parse("2027-01-01T00:00:00Z")), beta.effectiveUntil());
        assertEquals(List.of("X-Runtime"), beta.policyConfig().removeHeaders());
        assertTrue(beta.overridePermissions().directives().contains("script-src"));
        assertTrue(acme.tenantId() != beta.tenantId());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{}                                                      | 'tenants' must be an object",
            "{\"tenants\": {\"bad id\": []}}                           | tenants.bad id",
            "{\"tenants\": {\"a\": {}}}                                 | tenants.a must be a list",
            "{\"tenants\": {\"a\": [{\"config\": {}}]}}                 | tenants.a[0].name is required",
            "{\"tenants\": {\"a\": [{\"name\": \"x\"}]}}                | tenants.a[0].config is required",
            "{\"tenants\": {\"a\": [{\"name\": \"x\", \"type\": \"nope\", \"config\": {}}]}} | tenants.a[0].type",
            "{\"tenants\": {\"a\": [{\"name\": \"x\", \"effectiveFrom\": \"soon\", \"config\": {}}]}} | tenants.a[0].effectiveFrom 'soon'",
            "{\"tenants\": {\"a\": [{\"name\": \"x\", \"config\": {\"csp\": 5}}]}} | tenants.a[0].config",
            "not json                                                | not valid JSON"})
    void errorsNameTheBadValue(String json, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StaticPolicyFile.parse(json, "tenants.json"));
        assertTrue(e.getMessage().startsWith("tenants.json: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
