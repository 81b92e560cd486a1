package org.secheaders.enforcement.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.secheaders.enforcement.HeaderService;
import org.secheaders.enforcement.TenantKey;

class FilterInitParametersTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "tenant-resolvrs        | host                   | unknown init parameter 'tenant-resolvrs'",
            "tenant-resolvers       | header,cookie          | init parameter 'tenant-resolvers': 'cookie' is not one of",
            "tenant-resolvers       | host                   | init parameter 'tenant-hosts' is required",
            "tenant-hosts           | shop.example=acme      | init parameter 'tenant-hosts' is set but 'host' is not in 'tenant-resolvers'",
            "default-tenant         | bad tenant             | init parameter 'default-tenant': tenant id 'bad tenant'",
            "trust-forwarded-proto  | yes                    | init parameter 'trust-forwarded-proto': 'yes' is not true or false",
            "nonce-cache-control    | public                 | init parameter 'nonce-cache-control': 'public' is not one of [no-store, private, off]",
            "poll-interval-ms       | 5                      | init parameter 'poll-interval-ms': 5 is outside 10..60000 ms",
            "poll-interval-ms       | soon                   | init parameter 'poll-interval-ms': 'soon' is not a whole number",
            "dev-origins            | http://localhost:3000  | init parameter 'dev-origins' is set but 'dev-mode' is not true",
            "tenant-policies        | /no/such/file.json     | init parameter 'tenant-policies': cannot read static policy file /no/such/file.json",
            "platform-policy        | /no/such/platform.json | init parameter 'platform-policy': cannot read /no/such/platform.json"})
    void aBadParameterFailsInitNamingIt(String name, String value, String message) {
        ServletException e = assertThrows(ServletException.class,
                () -> new SecurityHeadersFilter().init(config(Map.of(name, value))));
        assertTrue(e.getMessage().startsWith("filter 'security-headers': "), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void badHostPatternsAndDevOriginsAreNamed() {
        IllegalArgumentException hosts = assertThrows(IllegalArgumentException.class, () -> FilterInitParameters.parse(
                Map.of("tenant-resolvers", "host", "tenant-hosts", "a.example=acme, b.*.example=beta")));
        assertTrue(hosts.getMessage().startsWith("init parameter 'tenant-hosts': host 'b.*.example'"), hosts.getMessage());

        IllegalArgumentException origins = assertThrows(IllegalArgumentException.class, () -> FilterInitParameters.parse(
                Map.of("dev-mode", "true", "dev-origins", "https://staging.example.com")));
        assertTrue(origins.getMessage().startsWith("init parameter 'dev-origins': dev origin 'https://staging.example.com'"),
                origins.getMessage());
    }

    @Test
    void aValidConfigurationBuildsTheResolverChainAndSettings() {
        FilterSettings settings = FilterInitParameters.parse(Map.of(
                "tenant-resolvers", "header, host",
                "tenant-hosts", "shop.acme.example=acme, *.beta.example=beta",
                "tenant-header", "X-Customer",
                "default-tenant", "fallback",
                "trust-forwarded-proto", "TRUE",
                "nonce-cache-control", "private")).settings();

        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getServerName()).thenReturn("eu.beta.example");
        assertEquals(Optional.of(new TenantKey("beta")), settings.tenantResolver().resolve(request));
        when(request.getHeader("X-Customer")).thenReturn("acme");
        assertEquals(Optional.of(new TenantKey("acme")), settings.tenantResolver().resolve(request));
        assertEquals(Optional.of(new TenantKey("fallback")), settings.defaultTenant());
        assertTrue(settings.trustForwardedProto());
        assertEquals(NonceCacheControl.PRIVATE, settings.nonceCacheControl());
    }

    @Test
    void aBuilderConfiguredFilterRefusesInitParameters() {
        try (HeaderService service = HeaderService.builder().build()) {
            SecurityHeadersFilter filter = SecurityHeadersFilter.builder(service).build();
            ServletException e = assertThrows(ServletException.class,
                    () -> filter.init(config(Map.of("dev-mode", "true"))));
            assertTrue(e.getMessage().contains("configured with a builder"), e.getMessage());
        }
    }

    private static FilterConfig config(Map<String, String> parameters) {
        return new FilterConfig() {
            @Override
            public String getFilterName() {
                return "security-headers";
            }

            @Override
            public ServletContext getServletContext() {
                return mock(ServletContext.class);
            }

            @Override
            public String getInitParameter(String name) {
                return parameters.get(name);
            }

            @Override
            public java.util.Enumeration<String> getInitParameterNames() {
                return Collections.enumeration(parameters.keySet());
            }
        };
    }
}
