package org.secheaders.platform.auth;

import org.secheaders.domain.repo.TenantScope;

/** The outcome of {@link AccessPolicy#authorize}: the scope the handler may see, or why not. */
public sealed interface AccessDecision permits AccessDecision.Allowed, AccessDecision.Denied {

    record Allowed(TenantScope scope) implements AccessDecision {
    }

    record Denied(String reason) implements AccessDecision {
    }
}
