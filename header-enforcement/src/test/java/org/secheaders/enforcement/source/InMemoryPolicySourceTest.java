package org.secheaders.enforcement.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.enforcement.TenantKey;
import org.secheaders.enforcement.TestPolicies;

class InMemoryPolicySourceTest {
    private static final TenantKey ACME = new TenantKey("acme");
    private static final TenantKey BETA = new TenantKey("beta");

    @Test
    void everyPutTakesTheNextVersionOfOneSequence() {
        InMemoryPolicySource source = new InMemoryPolicySource(Map.of(ACME, List.of()));
        assertEquals(new PolicyChanges(1, Map.of(ACME, 1L)), source.changesSince(0));

        source.put(BETA, List.of());
        source.put(ACME, List.of(TestPolicies.extend("x", "img-src", "https://x.example")));
        assertEquals(new PolicyChanges(3, Map.of(ACME, 3L, BETA, 2L)), source.changesSince(1));
        assertEquals(new PolicyChanges(3, Map.of(ACME, 3L)), source.changesSince(2));
        assertEquals(new PolicyChanges(3, Map.of()), source.changesSince(3));
    }

    @Test
    void loadsTheCurrentRowsAndNothingForUnknownTenants() {
        TenantSecurityPolicy row = TestPolicies.extend("x", "img-src", "https://x.example");
        InMemoryPolicySource source = new InMemoryPolicySource(Map.of(ACME, List.of(row)));
        assertEquals(Map.of(ACME, List.of(row), BETA, List.of()), source.policies(Set.of(ACME, BETA)));
    }
}
