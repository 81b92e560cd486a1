package org.secheaders.enforcement;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.enforcement.source.PolicySource;
import org.secheaders.enforcement.support.OutageLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the snapshot map in step with the policy source. Each poll reads the version counters,
 * loads only tenants whose version changed, compiles them off the request path and swaps each
 * snapshot in atomically; requests keep reading the previous snapshot meanwhile. When the source
 * fails, nothing is dropped: the last good snapshots stay and the next poll retries.
 *
 * <p>Runs on one thread (the service's scheduler, or the caller's for the initial load).
 */
final class PolicyPoller {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyPoller.class);

    private final PolicySource source;
    private final HeaderCompiler compiler;
    private final Clock clock;
    private final ConcurrentHashMap<TenantKey, TenantSnapshot> snapshots;
    private final OutageLog outage = new OutageLog(LOG, "reading tenant policies");
    /** Versions that failed to compile, so a broken policy is logged once and not reloaded every poll. */
    private final Map<TenantKey, Long> rejected = new HashMap<>();

    PolicyPoller(PolicySource source, HeaderCompiler compiler, Clock clock,
                 ConcurrentHashMap<TenantKey, TenantSnapshot> snapshots) {
        this.source = source;
        this.compiler = compiler;
        this.clock = clock;
        this.snapshots = snapshots;
    }

    /** One poll; never throws, so a scheduled run is never cancelled by a failure. */
    void poll() {
        Instant now = clock.instant();
        try {
            Map<TenantKey, Long> versions = source.versions();
            snapshots.keySet().removeIf(tenant -> !versions.containsKey(tenant));
            rejected.keySet().removeIf(tenant -> !versions.containsKey(tenant));
            Set<TenantKey> changed = changedTenants(versions);
            if (!changed.isEmpty()) {
                Map<TenantKey, List<TenantSecurityPolicy>> loaded = source.policies(changed);
                for (TenantKey tenant : changed) {
                    install(tenant, versions.get(tenant), loaded.getOrDefault(tenant, List.of()), now);
                }
            }
            outage.success();
        } catch (RuntimeException e) {
            outage.failure(e);
        }
        recompileDue(now);
    }

    private Set<TenantKey> changedTenants(Map<TenantKey, Long> versions) {
        Set<TenantKey> changed = new HashSet<>();
        versions.forEach((tenant, version) -> {
            TenantSnapshot current = snapshots.get(tenant);
            boolean stale = current == null || current.version() != version;
            if (stale && !version.equals(rejected.get(tenant))) {
                changed.add(tenant);
            }
        });
        return changed;
    }

    private void install(TenantKey tenant, long version, List<TenantSecurityPolicy> policies, Instant now) {
        try {
            snapshots.put(tenant, TenantSnapshot.compile(Optional.of(tenant), version, policies, compiler, now));
            rejected.remove(tenant);
        } catch (RuntimeException e) {
            rejected.put(tenant, version);
            LOG.warn("tenant {} policy version {} cannot be applied; still serving the previous version {}",
                    tenant, version, Optional.ofNullable(snapshots.get(tenant)).map(s -> Long.toString(s.version()))
                            .orElse("(none: platform baseline)"), e);
        }
    }

    /** Rows entering or leaving their effective window change the policy without a version bump. */
    private void recompileDue(Instant now) {
        snapshots.forEach((tenant, snapshot) -> {
            if (snapshot.dueAt(now)) {
                try {
                    snapshots.replace(tenant, snapshot, snapshot.recompiledAt(compiler, now));
                } catch (RuntimeException e) {
                    snapshots.replace(tenant, snapshot, snapshot.postponedAfter(now));
                    LOG.warn("tenant {} policy version {} cannot be recompiled at {}; keeping the current headers",
                            tenant, snapshot.version(), now, e);
                }
            }
        });
    }
}
