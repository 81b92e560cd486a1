package org.secheaders.domain.compliance.run;

import java.time.Instant;
import org.secheaders.domain.grading.HeaderField;
import org.secheaders.domain.grading.ResponseHeaders;
import org.secheaders.domain.policy.CompiledHeaderSet;
import org.secheaders.domain.policy.PlatformPolicy;
import org.secheaders.domain.policy.PolicyResolver;
import org.secheaders.domain.policy.ResolvedPolicy;
import org.secheaders.domain.repo.PolicyRepository;
import org.secheaders.domain.repo.TenantScope;

/**
 * A tenant's effective headers as header enforcement serves them: the platform policy resolved with
 * the tenant's policy rows at a given time, the nonce shown as {@link CompiledHeaderSet#PLACEHOLDER_NONCE}
 * so equal configurations give equal evidence.
 */
public final class ConfiguredHeaders {

    private final PlatformPolicy platform;
    private final PolicyRepository policies;
    private final PolicyResolver resolver = new PolicyResolver();

    public ConfiguredHeaders(PlatformPolicy platform, PolicyRepository policies) {
        this.platform = platform;
        this.policies = policies;
    }

    public ResponseHeaders of(TenantScope scope, long tenantId, Instant at) {
        return render(resolver.resolve(platform, policies.listByTenant(scope, tenantId), at));
    }

    /** What a resolved policy serves, the nonce shown as the placeholder. */
    public static ResponseHeaders render(ResolvedPolicy resolved) {
        CompiledHeaderSet compiled = resolved.headers().compile();
        return ResponseHeaders.fromFieldLines(compiled.renderWithPlaceholderNonce().stream()
                .map(header -> new HeaderField(header.name(), header.value()))
                .toList());
    }
}
