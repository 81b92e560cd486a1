package org.secheaders.domain.compliance.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.secheaders.domain.model.ComplianceEvent;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.repo.ComplianceEventRepository;
import org.secheaders.domain.repo.TenantRepository;
import org.secheaders.domain.repo.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts stored events that are not delivered yet, oldest first, and records each outcome. Without
 * a webhook events stay pending. An event is given up after {@value #MAX_ATTEMPTS} posts; its row
 * keeps the last error.
 */
public final class EventDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(EventDelivery.class);

    /** Posts per event over all ticks before it is left as failed. */
    public static final int MAX_ATTEMPTS = 30;
    /** Events handled per call; the rest wait for the next tick. */
    static final int BATCH = 100;
    /** How long a started delivery keeps other instances away (longer than the slowest delivery). */
    static final Duration CLAIM_LEASE = Duration.ofMinutes(5);

    /** What one call did. */
    public record Counts(int delivered, int failed) {
        public static final Counts NONE = new Counts(0, 0);
    }

    private final ComplianceEventRepository events;
    private final TenantRepository tenants;
    private final Optional<WebhookNotifier> webhook;
    private final Clock clock;

    public EventDelivery(ComplianceEventRepository events, TenantRepository tenants, Optional<WebhookNotifier> webhook,
            Clock clock) {
        this.events = events;
        this.tenants = tenants;
        this.webhook = webhook;
        this.clock = clock;
    }

    public boolean configured() {
        return webhook.isPresent();
    }

    /** Never throws for a failing receiver or a bad event; those are recorded per event. */
    public Counts deliverUndelivered() {
        if (webhook.isEmpty()) {
            return Counts.NONE;
        }
        List<ComplianceEvent> pending = events.undelivered(TenantScope.platform(), MAX_ATTEMPTS, BATCH);
        Map<Long, String> slugs = new HashMap<>();
        int delivered = 0;
        int failed = 0;
        for (ComplianceEvent event : pending) {
            Instant now = clock.instant();
            if (!events.claimDelivery(event.id(), now, now.minus(CLAIM_LEASE))) {
                continue; // another instance is posting it
            }
            String slug = slugs.computeIfAbsent(event.tenantId(), id -> tenants.findById(TenantScope.platform(), id)
                    .map(Tenant::slug).orElse("tenant-" + id));
            WebhookNotifier.Delivery delivery = webhook.get().post(WebhookPayload.of(event, slug));
            if (delivery.delivered()) {
                events.recordDelivered(event.id(), delivery.attempts(), clock.instant());
                delivered++;
            } else {
                String error = delivery.error().orElse("not delivered");
                events.recordFailed(event.id(), delivery.attempts(), clock.instant(), error);
                LOG.warn("compliance event {} not delivered after {} posts: {}", event.id(), delivery.attempts(), error);
                failed++;
            }
        }
        return new Counts(delivered, failed);
    }
}
