package org.secheaders.enforcement;

import java.time.Instant;
import java.util.List;
import org.secheaders.domain.model.TenantSecurityPolicy;

/** Resolves a tenant's rows against the platform baseline and prepares the result for serving. */
@FunctionalInterface
interface HeaderCompiler {
    CompiledHeaders compile(List<TenantSecurityPolicy> policies, Instant now);
}
