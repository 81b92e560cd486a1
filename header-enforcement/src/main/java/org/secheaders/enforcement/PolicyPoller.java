package org.secheaders.enforcement;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.enforcement.source.PolicyChanges;
import org.secheaders.enforcement.source.PolicySource;
import org.secheaders.enforcement.support.OutageLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the snapshot map in step with the policy source. Each poll asks what changed above the
 * watermark, loads only those tenants, compiles them off the request path and swaps each snapshot
 * in atomically; requests keep reading the previous snapshot meanwhile. When the source fails,
 * nothing is dropped and the watermark stays, so the next poll retries the same changes.
 *
 * <p>Runs on one thread (the service's scheduler, or the constructor's for the initial load).
 */
final class PolicyPoller {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyPoller.class);

    private final PolicySource source;
    private final HeaderCompiler compiler;
    private final Clock clock;
    private final ConcurrentHashMap<TenantKey, TenantSnapshot> snapshots;
    private final OutageLog outage = new OutageLog(LOG, "reading tenant policies");
    private long watermark;

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
            PolicyChanges changes = source.changesSince(watermark);
            Set<TenantKey> changed = newerThanServed(changes.versions());
            if (!changed.isEmpty()) {
                Map<TenantKey, List<TenantSecurityPolicy>> loaded = source.policies(changed);
                for (TenantKey tenant : changed) {
                    install(tenant, changes.versions().get(tenant), loaded.getOrDefault(tenant, List.of()), now);
                }
            }
            watermark = changes.watermark();
            outage.success();
        } catch (RuntimeException e) {
            outage.failure(e);
        }
        recompileDue(now);
    }

    private Set<TenantKey> newerThanServed(Map<TenantKey, Long> versions) {
        Set<TenantKey> changed = new HashSet<>();
        versions.forEach((tenant, version) -> {
            TenantSnapshot current = snapshots.get(tenant);
            if (current == null || current.version() < version) {
                changed.add(tenant);
            }
        });
        return changed;
    }

    /** A version that cannot be compiled is logged once and skipped; the previous snapshot stays. */
    private void install(TenantKey tenant, long version, List<TenantSecurityPolicy> policies, Instant now) {
        try {
            snapshots.put(tenant, TenantSnapshot.compile(Optional.of(tenant), version, policies, compiler, now));
        } catch (RuntimeException e) {
            LOG.warn("tenant {} policy version {} cannot be applied; still serving {}", tenant, version,
                    Optional.ofNullable(snapshots.get(tenant)).map(s -> "version " + s.version())
                            .orElse("the platform baseline"), e);
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
