package org.secheaders.enforcement.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.secheaders.enforcement.TenantKey;

class TenantResolverTest {
    private final HttpServletRequest request = mock(HttpServletRequest.class);

    @Test
    void firstMatchTakesTheFirstResolverThatAnswers() {
        TenantResolver none = r -> Optional.empty();
        TenantResolver acme = r -> Optional.of(new TenantKey("acme"));
        TenantResolver beta = r -> Optional.of(new TenantKey("beta"));

        assertEquals(Optional.of(new TenantKey("acme")), TenantResolver.firstMatch(List.of(none, acme, beta)).resolve(request));
        assertEquals(Optional.of(new TenantKey("beta")), TenantResolver.firstMatch(List.of(beta, acme)).resolve(request));
        assertEquals(Optional.empty(), TenantResolver.firstMatch(List.of(none, none)).resolve(request));
    }
}
