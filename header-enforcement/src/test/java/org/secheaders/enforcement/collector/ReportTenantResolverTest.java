package org.secheaders.enforcement.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportTenantResolverTest {

    @Test
    void thePathSlugIsTheOneSegmentAfterTheMapping() {
        ReportTenantResolver resolver = ReportTenantResolver.pathSlug();

        assertEquals(Optional.of("acme"), resolver.tenantSlug(pathInfo("/acme")));
        assertEquals(Optional.of("acme-eu"), resolver.tenantSlug(pathInfo("/acme-eu/")));
        assertEquals(Optional.empty(), resolver.tenantSlug(pathInfo(null)));
        assertEquals(Optional.empty(), resolver.tenantSlug(pathInfo("/")));
        assertEquals(Optional.empty(), resolver.tenantSlug(pathInfo("/acme/extra")));
        assertEquals(Optional.empty(), resolver.tenantSlug(pathInfo("/ACME")));
        assertEquals(Optional.empty(), resolver.tenantSlug(pathInfo("/-acme")));
    }

    @Test
    void hostsMapToSlugsIgnoringCaseAndATrailingDot() {
        ReportTenantResolver resolver = ReportTenantResolver.hosts(Map.of("Shop.Example.com", "acme"));

        assertEquals(Optional.of("acme"), resolver.tenantSlug(host("shop.example.com")));
        assertEquals(Optional.of("acme"), resolver.tenantSlug(host("SHOP.example.com.")));
        assertEquals(Optional.empty(), resolver.tenantSlug(host("other.example.com")));
        assertEquals(Optional.empty(), resolver.tenantSlug(host(null)));
    }

    @Test
    void aBadHostMapFailsWhenBuilt() {
        assertThrows(IllegalArgumentException.class, () -> ReportTenantResolver.hosts(Map.of()));
        assertThrows(IllegalArgumentException.class, () -> ReportTenantResolver.hosts(Map.of("shop.example:8443", "acme")));
        assertThrows(IllegalArgumentException.class, () -> ReportTenantResolver.hosts(Map.of("shop.example", "Not A Slug")));
        assertThrows(IllegalArgumentException.class,
                () -> ReportTenantResolver.hosts(Map.of("shop.example", "acme", "SHOP.example", "beta")));
    }

    private static HttpServletRequest pathInfo(String value) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getPathInfo()).thenReturn(value);
        return request;
    }

    private static HttpServletRequest host(String value) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getServerName()).thenReturn(value);
        return request;
    }
}
