package org.secheaders.domain.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The everyday reports of a site: page views spread by its traffic rhythm, each tripping one to
 * three things its policy blocks, or (at the tenant's noise share) what the visitor's extension injects.
 */
final class BaselineTraffic {
    /** Page views tripping 1, 2 or 3 site sources. */
    private static final WeightedChoice<Integer> SITE_VIOLATIONS = WeightedChoice.withWeights(List.of(1, 2, 3), 0.68, 0.24, 0.08);
    private static final WeightedChoice<Integer> NOISE_VIOLATIONS = WeightedChoice.withWeights(List.of(1, 2), 0.75, 0.25);
    /** Draws that found nothing to report before the site model is declared broken. */
    private static final int MAX_ATTEMPTS = 1_000;

    private BaselineTraffic() {
    }

    /** A page view's visitor and what it can trip. */
    private record Visit(Visitor visitor, List<ViolationSource> possible) {
    }

    /** Page views carrying exactly {@code violations} violations in total. */
    static List<PageView> generate(DemoSite site, int violations, SplittableRandom random) {
        List<PageView> views = new ArrayList<>();
        int remaining = violations;
        while (remaining > 0) {
            Instant at = site.baselineMoment(random);
            String path = site.pages().pick(random);
            boolean noise = random.nextDouble() < site.tenant().noiseShare();
            Visit visit = noise ? extensionVisit(site, at, path, random) : siteVisit(site, at, path, random);
            int count = Math.min(remaining, (noise ? NOISE_VIOLATIONS : SITE_VIOLATIONS).pick(random));
            List<ViolationSource> tripped = WeightedChoice.of(visit.possible(), ViolationSource::weight)
                    .pickDistinct(count, random);
            views.add(new PageView(site, at, visit.visitor(), path,
                    noise ? ViolationCause.EXTENSION : ViolationCause.SITE, tripped));
            remaining -= tripped.size();
        }
        return views;
    }

    private static Visit siteVisit(DemoSite site, Instant at, String path, SplittableRandom random) {
        return firstWithViolations(site, () -> {
            Visitor visitor = site.visitors().regular(random);
            return new Visit(visitor, possible(site.blockedSources(at), path, visitor));
        });
    }

    /** Some extensions inject nothing this policy blocks (e.g. styles under 'unsafe-inline'): try another visitor. */
    private static Visit extensionVisit(DemoSite site, Instant at, String path, SplittableRandom random) {
        return firstWithViolations(site, () -> {
            Visitor visitor = site.visitors().withExtension(random);
            return new Visit(visitor, possible(site.blockedNoise(visitor.extension().orElseThrow(), at), path, visitor));
        });
    }

    private static Visit firstWithViolations(DemoSite site, Supplier<Visit> draw) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Visit visit = draw.get();
            if (!visit.possible().isEmpty()) {
                return visit;
            }
        }
        throw new IllegalStateException("site " + site.tenant().slug() + " produces no violations");
    }

    private static List<ViolationSource> possible(List<ViolationSource> blocked, String path, Visitor visitor) {
        return blocked.stream().filter(source -> source.happensOn(path, visitor.browser().family())).toList();
    }
}
