package org.secheaders.domain.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A demo tenant prepared for generation: its site model, policy history, visitors and per-minute
 * traffic weights over the scenario, plus which sources each policy revision blocks (computed once).
 */
final class DemoSite {
    /** Baseline reports stop this long before the end, so batched deliveries still arrive before it. */
    private static final int QUIET_MINUTES_AT_END = 2;
    private static final String NONCE_SLOT = "{nonce}";
    /** Day-to-day variation of the traffic level. */
    private static final double DAILY_SPREAD = 0.08;

    private final DemoTenant tenant;
    private final SiteModel model;
    private final PolicyHistory history;
    private final VisitorPool visitors;
    private final Instant start;
    private final double[] minuteWeights;
    private final double maxMinuteWeight;
    private final WeightedIndex baselineMinutes;
    private final List<List<ViolationSource>> blockedByRevision;
    /** Each revision's header value with {@link #NONCE_SLOT} where the per-response nonce goes. */
    private final List<String> headerTemplates;
    private final Map<Extension, List<List<ViolationSource>>> blockedNoiseByRevision = new HashMap<>();

    DemoSite(DemoTenant tenant, DemoScenario scenario, SplittableRandom random) {
        this.tenant = tenant;
        this.model = tenant.kind().model();
        this.history = model.policyHistory(tenant, scenario);
        this.visitors = VisitorPool.create(tenant.visitors(), random);
        this.start = scenario.start();
        this.minuteWeights = minuteWeights(scenario, random);
        this.maxMinuteWeight = Arrays.stream(minuteWeights).max().orElseThrow();
        this.baselineMinutes = new WeightedIndex(
                Arrays.copyOf(minuteWeights, minuteWeights.length - QUIET_MINUTES_AT_END));
        List<ViolationSource> sources = model.sources(tenant);
        this.blockedByRevision = history.revisions().stream().map(revision -> blocked(revision, sources)).toList();
        this.headerTemplates = history.revisions().stream()
                .map(revision -> revision.policy().headerValue(tenant.slug(), Optional.of(NONCE_SLOT)))
                .toList();
    }

    DemoTenant tenant() {
        return tenant;
    }

    PolicyHistory history() {
        return history;
    }

    VisitorPool visitors() {
        return visitors;
    }

    WeightedChoice<String> pages() {
        return model.pages();
    }

    /** A moment for a baseline page view, drawn by the traffic rhythm (minute, then millisecond). */
    Instant baselineMoment(SplittableRandom random) {
        return start.plus(Duration.ofMinutes(baselineMinutes.pick(random))).plusMillis(random.nextInt(60_000));
    }

    /** Traffic at {@code moment} relative to the busiest minute of the scenario, in (0, 1]. */
    double relativeTraffic(Instant moment) {
        int minute = (int) Duration.between(start, moment).toMinutes();
        return minuteWeights[Math.max(0, Math.min(minuteWeights.length - 1, minute))] / maxMinuteWeight;
    }

    /** The policy header a page served at {@code moment} carried, as browsers echo it in original-policy. */
    String headerValue(Instant moment, Optional<String> nonce) {
        // Built once per revision: joining the directives for every report dominated generation time.
        String template = headerTemplates.get(history.revisionIndexAt(moment));
        return nonce.map(value -> template.replace(NONCE_SLOT, value)).orElse(template);
    }

    /** The site's sources that the policy in force at {@code moment} blocks. */
    List<ViolationSource> blockedSources(Instant moment) {
        return blockedByRevision.get(history.revisionIndexAt(moment));
    }

    /** The extension's sources that the policy in force at {@code moment} blocks. */
    List<ViolationSource> blockedNoise(Extension extension, Instant moment) {
        return blockedNoiseByRevision
                .computeIfAbsent(extension, e -> history.revisions().stream()
                        .map(revision -> blocked(revision, e.sources())).toList())
                .get(history.revisionIndexAt(moment));
    }

    boolean blocks(Instant moment, ViolationSource source) {
        return PolicyMatcher.blocks(history.policyAt(moment), source.directive(), source.blocked(), tenant.origin());
    }

    private List<ViolationSource> blocked(PolicyRevision revision, List<ViolationSource> sources) {
        return sources.stream()
                .filter(source -> PolicyMatcher.blocks(revision.policy(), source.directive(), source.blocked(),
                        tenant.origin()))
                .toList();
    }

    private double[] minuteWeights(DemoScenario scenario, SplittableRandom random) {
        double[] weights = new double[(int) Duration.between(scenario.start(), scenario.end()).toMinutes()];
        Map<LocalDate, Double> dailyLevel = new HashMap<>();
        for (int minute = 0; minute < weights.length; minute++) {
            ZonedDateTime local = scenario.start().plus(Duration.ofMinutes(minute)).atZone(tenant.zone());
            // Drawn in date order, so the same seed gives the same levels.
            double level = dailyLevel.computeIfAbsent(local.toLocalDate(),
                    date -> 1 + DAILY_SPREAD * (2 * random.nextDouble() - 1));
            weights[minute] = model.traffic().multiplier(local) * level;
        }
        return weights;
    }
}
