package org.secheaders.enforcement.servlet;

import java.util.Objects;
import java.util.Optional;
import org.secheaders.enforcement.TenantKey;
import org.secheaders.enforcement.tenant.TenantResolver;

/**
 * The request-side settings of one filter instance.
 *
 * @param tenantResolver      finds the request's tenant
 * @param defaultTenant       the tenant for requests the resolver gives none for; empty: the platform baseline
 * @param trustForwardedProto whether {@code X-Forwarded-Proto: https} marks a request as secure (only
 *                            behind a proxy that sets the header; the container's own forwarded-request
 *                            support, e.g. Jetty's ForwardedRequestCustomizer, is the better place)
 * @param nonceCacheControl   the Cache-Control set on responses whose CSP carries a nonce
 */
record FilterSettings(TenantResolver tenantResolver, Optional<TenantKey> defaultTenant,
                      boolean trustForwardedProto, NonceCacheControl nonceCacheControl) {
    FilterSettings {
        Objects.requireNonNull(tenantResolver, "tenantResolver");
        Objects.requireNonNull(defaultTenant, "defaultTenant");
        Objects.requireNonNull(nonceCacheControl, "nonceCacheControl");
    }
}
