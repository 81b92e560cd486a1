package org.secheaders.enforcement.tenant;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.secheaders.enforcement.TenantKey;

/**
 * Finds the tenant a request belongs to. Runs on every request: implementations precompute
 * their lookup structures at construction and must not block.
 */
@FunctionalInterface
public interface TenantResolver {

    /** The tenant, or empty when this resolver cannot tell (the next resolver, or the platform baseline, applies). */
    Optional<TenantKey> resolve(HttpServletRequest request);

    /** Tries each resolver in order and takes the first answer. */
    static TenantResolver firstMatch(List<TenantResolver> resolvers) {
        List<TenantResolver> chain = List.copyOf(resolvers);
        if (chain.size() == 1) {
            return chain.get(0);
        }
        return request -> {
            for (TenantResolver resolver : chain) {
                Optional<TenantKey> tenant = resolver.resolve(request);
                if (tenant.isPresent()) {
                    return tenant;
                }
            }
            return Optional.empty();
        };
    }
}
