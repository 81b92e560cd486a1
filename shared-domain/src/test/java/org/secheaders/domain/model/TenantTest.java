package org.secheaders.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "acme", "acme-corp", "0day", "a23456789012345678901234567890123456789012345678901234567890123"})
    void acceptsUrlSafeSlugs(String slug) {
        assertEquals(slug, new Tenant.Draft(slug, "Name", "example.com", Map.of()).slug());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Acme", "-acme", "acme-", "ac_me", "ac me", "acme/x", "ümlaut",
            "a234567890123456789012345678901234567890123456789012345678901234"})
    void rejectsOtherSlugs(String slug) {
        assertThrows(IllegalArgumentException.class, () -> new Tenant.Draft(slug, "Name", "example.com", Map.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com", "example.com/path", "exa mple.com", "-bad.example", ""})
    void rejectsPrimaryDomainsThatAreNotHostNames(String domain) {
        assertThrows(IllegalArgumentException.class, () -> new Tenant.Draft("acme", "Name", domain, Map.of()));
    }
}
