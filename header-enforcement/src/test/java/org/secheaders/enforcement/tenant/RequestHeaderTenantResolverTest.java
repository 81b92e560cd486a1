package org.secheaders.enforcement.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.secheaders.enforcement.TenantKey;

class RequestHeaderTenantResolverTest {
    private final RequestHeaderTenantResolver resolver = new RequestHeaderTenantResolver("X-Tenant-ID");

    @Test
    void readsTheTrimmedHeaderValue() {
        assertEquals(Optional.of(new TenantKey("acme")), resolve(" acme "));
    }

    @Test
    void ignoresMissingAndInvalidValues() {
        assertEquals(Optional.empty(), resolve(null));
        assertEquals(Optional.empty(), resolve(""));
        assertEquals(Optional.empty(), resolve("../etc/passwd"));
    }

    @Test
    void rejectsAnInvalidHeaderName() {
        assertThrows(IllegalArgumentException.class, () -> new RequestHeaderTenantResolver("X Tenant"));
        assertThrows(IllegalArgumentException.class, () -> new RequestHeaderTenantResolver(" "));
    }

    private Optional<TenantKey> resolve(String value) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getHeader("X-Tenant-ID")).thenReturn(value);
        return resolver.resolve(request);
    }
}
