package org.secheaders.enforcement.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.enforcement.TenantKey;

class InMemoryPolicySourceTest {
    private static final TenantKey ACME = new TenantKey("acme");
    private static final TenantKey BETA = new TenantKey("beta");

    @Test
    void everyPutBumpsTheTenantVersion() {
        InMemoryPolicySource source = new InMemoryPolicySource(Map.of(ACME, List.of()));
        assertEquals(Map.of(ACME, 1L), source.versions());
        source.put(ACME, List.of());
        source.put(BETA, List.of());
        assertEquals(Map.of(ACME, 2L, BETA, 1L), source.versions());
        source.remove(ACME);
        assertEquals(Map.of(BETA, 1L), source.versions());
    }

    @Test
    void unknownTenantsLoadAsEmpty() {
        InMemoryPolicySource source = new InMemoryPolicySource();
        Map<TenantKey, List<TenantSecurityPolicy>> loaded = source.policies(Set.of(ACME));
        assertEquals(Map.of(ACME, List.of()), loaded);
    }
}
