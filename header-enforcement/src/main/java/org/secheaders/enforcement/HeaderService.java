package org.secheaders.enforcement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.domain.nonce.SecurityNonce;
import org.secheaders.domain.policy.PlatformPolicy;
import org.secheaders.domain.policy.PolicyResolver;
import org.secheaders.domain.policy.Resolution;
import org.secheaders.domain.policy.ResolvedPolicy;
import org.secheaders.enforcement.source.InMemoryPolicySource;
import org.secheaders.enforcement.source.PolicySource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The library's entry point: the security headers for one response of one tenant, with a fresh
 * nonce. Requests only read an immutable per-tenant snapshot from a map; a single daemon thread
 * polls the {@link PolicySource} version counters (every 250 ms by default) and swaps in
 * recompiled snapshots for the tenants that changed, so a stored policy change reaches every
 * running instance within about a second and a failing source leaves the last good policy in place.
 */
public final class HeaderService implements AutoCloseable {
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(250);
    private static final Logger LOG = LoggerFactory.getLogger(HeaderService.class);

    private final ConcurrentHashMap<TenantKey, TenantSnapshot> snapshots = new ConcurrentHashMap<>();
    private final TenantSnapshot platform;
    private final ScheduledExecutorService poller;

    HeaderService(PolicySource source, HeaderCompiler compiler, Duration pollInterval, Clock clock) {
        this.platform = TenantSnapshot.compile(Optional.empty(), 0, List.of(), compiler, clock.instant());
        PolicyPoller policyPoller = new PolicyPoller(source, compiler, clock, snapshots);
        policyPoller.poll();
        this.poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "secheaders-policy-poller");
            thread.setDaemon(true);
            return thread;
        });
        long millis = pollInterval.toMillis();
        poller.scheduleWithFixedDelay(policyPoller::poll, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Configuration; {@link Builder#build()} loads every tenant once before returning. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The headers for a response of {@code tenant}. A tenant the policy source does not know (or
     * not yet) gets the platform baseline, so client-chosen tenant ids never grow the cache.
     */
    public RenderedHeaders headersFor(TenantKey tenant, RequestInfo request) {
        TenantSnapshot snapshot = snapshots.get(tenant);
        return render(snapshot == null ? platform : snapshot, request);
    }

    /** The platform baseline's headers, for requests no tenant was resolved for. */
    public RenderedHeaders platformHeadersFor(RequestInfo request) {
        return render(platform, request);
    }

    /** Stops the poller thread; rendering keeps working from the last snapshots. */
    @Override
    public void close() {
        poller.shutdownNow();
    }

    private static RenderedHeaders render(TenantSnapshot snapshot, RequestInfo request) {
        SecurityNonce nonce = SecurityNonce.generate();
        CompiledHeaders headers = snapshot.headers();
        return new RenderedHeaders(snapshot.tenant(), headers.render(nonce, request.secure()), nonce,
                headers.usesNonce(), headers.headersToRemove());
    }

    /**
     * Header service settings. Without a source, every tenant gets the platform baseline; with
     * {@link #source}, tenants get their resolved policies. Defaults: the built-in platform
     * baseline, a 250 ms poll, dev mode off.
     */
    public static final class Builder {
        private PlatformPolicy platform;
        private PolicySource source = new InMemoryPolicySource();
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private DevMode devMode = DevMode.disabled();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public Builder platform(PlatformPolicy value) {
            this.platform = Objects.requireNonNull(value, "platform");
            return this;
        }

        public Builder source(PolicySource value) {
            this.source = Objects.requireNonNull(value, "source");
            return this;
        }

        /** How often the source's version counters are read; 10 ms to 60 s. */
        public Builder pollInterval(Duration value) {
            if (value.compareTo(Duration.ofMillis(10)) < 0 || value.compareTo(Duration.ofSeconds(60)) > 0) {
                throw new IllegalArgumentException("poll interval " + value.toMillis() + " ms is outside 10..60000 ms");
            }
            this.pollInterval = value;
            return this;
        }

        /** Development mode for this service only; never changes a stored policy. */
        public Builder devMode(DevMode value) {
            this.devMode = Objects.requireNonNull(value, "devMode");
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public HeaderService build() {
            PlatformPolicy resolvedPlatform = platform == null ? PlatformPolicy.defaults() : platform;
            if (devMode instanceof DevMode.Enabled enabled) {
                LOG.warn("*** SECURITY HEADERS DEV MODE IS ON *** this instance's CSP allows {} in script-src and"
                        + " connect-src (plus websockets). Stored policies are unchanged. Never enable dev mode in production.",
                        enabled.serializedOrigins());
            }
            return new HeaderService(source, new ResolvingCompiler(resolvedPlatform, devMode), pollInterval, clock);
        }
    }

    /** The production compiler: the policy engine's resolution, then this instance's dev mode. */
    private record ResolvingCompiler(PlatformPolicy platform, DevMode devMode) implements HeaderCompiler {
        private static final PolicyResolver RESOLVER = new PolicyResolver();
        private static final Set<Resolution.Kind> REFUSALS = EnumSet.of(Resolution.Kind.REFUSED_WEAKENING,
                Resolution.Kind.REFUSED_NOT_PERMITTED, Resolution.Kind.REFUSED_INVALID);

        @Override
        public CompiledHeaders compile(List<TenantSecurityPolicy> policies, Instant now) {
            ResolvedPolicy resolved = RESOLVER.resolve(platform, policies, now);
            for (Resolution resolution : resolved.resolutions()) {
                if (REFUSALS.contains(resolution.kind())) {
                    LOG.warn("policy row {} not applied ({}): {}", resolution.policyId(), resolution.kind(), resolution.message());
                }
            }
            return CompiledHeaders.of(resolved.headers().mapPolicies(devMode::apply));
        }
    }
}
