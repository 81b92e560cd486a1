package org.secheaders.enforcement;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.secheaders.domain.model.TenantSecurityPolicy;

/**
 * One tenant's policy as served: immutable, replaced as a whole when the tenant's version changes
 * or when one of its rows enters or leaves its effective window.
 *
 * @param tenant       the tenant, pre-wrapped because every response carries it
 * @param version      the policy version the rows were loaded at
 * @param policies     the stored rows, kept so a time-window change recompiles without a database read
 * @param headers      the compiled header set
 * @param recompileAt  the next instant a row becomes effective or expires, if any
 */
record TenantSnapshot(Optional<TenantKey> tenant, long version, List<TenantSecurityPolicy> policies,
                      CompiledHeaders headers, Optional<Instant> recompileAt) {

    TenantSnapshot {
        policies = List.copyOf(policies);
    }

    static TenantSnapshot compile(Optional<TenantKey> tenant, long version, List<TenantSecurityPolicy> policies,
                                  HeaderCompiler compiler, Instant now) {
        return new TenantSnapshot(tenant, version, policies, compiler.compile(policies, now), nextBoundary(policies, now));
    }

    TenantSnapshot recompiledAt(HeaderCompiler compiler, Instant now) {
        return compile(tenant, version, policies, compiler, now);
    }

    /** The same headers, next due at the following boundary; used when recompiling failed. */
    TenantSnapshot postponedAfter(Instant now) {
        return new TenantSnapshot(tenant, version, policies, headers, nextBoundary(policies, now));
    }

    boolean dueAt(Instant now) {
        return recompileAt.isPresent() && !recompileAt.get().isAfter(now);
    }

    private static Optional<Instant> nextBoundary(List<TenantSecurityPolicy> policies, Instant now) {
        return policies.stream()
                .flatMap(policy -> Stream.concat(Stream.of(policy.effectiveFrom()), policy.effectiveUntil().stream()))
                .filter(boundary -> boundary.isAfter(now))
                .min(Comparator.naturalOrder());
    }
}
