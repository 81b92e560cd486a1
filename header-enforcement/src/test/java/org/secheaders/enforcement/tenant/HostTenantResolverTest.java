package org.secheaders.enforcement.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.secheaders.enforcement.TenantKey;

class HostTenantResolverTest {
    private static final TenantKey ACME = new TenantKey("acme");
    private static final TenantKey BETA = new TenantKey("beta");
    private static final TenantKey BETA_EU = new TenantKey("beta-eu");

    private final HostTenantResolver resolver = new HostTenantResolver(Map.of(
            "shop.acme.example", ACME,
            "*.beta.example", BETA,
            "*.eu.beta.example", BETA_EU,
            "special.eu.beta.example", ACME));

    @Test
    void exactHostMatchesCaseInsensitivelyAndWithTrailingDot() {
        assertEquals(Optional.of(ACME), resolve("shop.acme.example"));
        assertEquals(Optional.of(ACME), resolve("SHOP.Acme.Example."));
    }

    @Test
    void wildcardMatchesSubdomainsAtAnyDepthButNotTheApex() {
        assertEquals(Optional.of(BETA), resolve("app.beta.example"));
        assertEquals(Optional.of(BETA), resolve("a.b.beta.example"));
        assertEquals(Optional.empty(), resolve("beta.example"));
        assertEquals(Optional.empty(), resolve("notbeta.example"));
    }

    @Test
    void mostSpecificEntryWins() {
        assertEquals(Optional.of(BETA_EU), resolve("shop.eu.beta.example"));
        assertEquals(Optional.of(ACME), resolve("special.eu.beta.example"));
    }

    @Test
    void unknownOrMissingHostResolvesNothing() {
        assertEquals(Optional.empty(), resolve("other.example"));
        assertEquals(Optional.empty(), resolve(null));
    }

    @Test
    void rejectsBadPatternsNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HostTenantResolver(Map.of("shop.*.example", ACME)));
        assertTrue(e.getMessage().contains("shop.*.example"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new HostTenantResolver(Map.of()));
    }

    @Test
    void rejectsOneHostMappedToTwoTenants() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HostTenantResolver(Map.of("a.example", ACME, "A.example", BETA)));
        assertTrue(e.getMessage().contains("mapped to both"), e.getMessage());
    }

    private Optional<TenantKey> resolve(String serverName) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getServerName()).thenReturn(serverName);
        return resolver.resolve(request);
    }
}
