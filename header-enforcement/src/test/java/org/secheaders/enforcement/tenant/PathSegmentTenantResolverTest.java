package org.secheaders.enforcement.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.secheaders.enforcement.TenantKey;

class PathSegmentTenantResolverTest {
    private final PathSegmentTenantResolver resolver = new PathSegmentTenantResolver();

    @ParameterizedTest
    @CsvSource(nullValues = "NONE", value = {
            "'', /acme/orders/7, acme",
            "'', /acme, acme",
            "'', /acme;jsessionid=1/x, acme",
            "/app, /app/beta/page, beta",
            "'', /, NONE",
            "'', //acme, NONE",
            "'', /%2e%2e/x, NONE",
            "/app, /app, NONE"})
    void takesTheFirstSegmentAfterTheContextPath(String contextPath, String uri, String expected) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getContextPath()).thenReturn(contextPath);
        when(request.getRequestURI()).thenReturn(uri);
        assertEquals(Optional.ofNullable(expected).map(TenantKey::new), resolver.resolve(request));
    }
}
