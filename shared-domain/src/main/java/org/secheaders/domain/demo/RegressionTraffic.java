package org.secheaders.domain.demo;

import static org.secheaders.domain.demo.ViolationSource.INLINE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The planted {@link PlantedPattern.PolicyRegression}: once the hashed-styles policy reaches the
 * pages, every visit reports the inline style blocks and style attributes the hash list misses,
 * following the site's traffic, until the rollback.
 */
final class RegressionTraffic {
    private static final double PEAK_VIEWS_PER_MINUTE = 8;
    private static final double EXTRA_VIOLATIONS_PER_VIEW = 1.2;

    /** The site's inline styles; harmless while style-src allows 'unsafe-inline'. */
    private static final List<ViolationSource> INLINE_STYLES = List.of(
            ViolationSource.of("style-src-elem", INLINE, 5)
                    .withSamples(".article-body p{margin:0 0 1.2em;line-height:1.6}").inPage(34, 9)
                    .onPaths("/article/"),
            ViolationSource.of("style-src-elem", INLINE, 3)
                    .withSamples(".ad-slot{min-height:250px;background:#f4f4f4}").inPage(61, 3),
            ViolationSource.of("style-src-elem", INLINE, 4)
                    .withSamples(":root{--brand:#c8102e;--ink:#1a1a1a;--paper:#fff}").inPage(12, 5),
            ViolationSource.of("style-src-attr", INLINE, 4).withSamples("width:300px;height:250px").inPage(118, 22),
            ViolationSource.of("style-src-attr", INLINE, 2).withSamples("display:none").inPage(203, 40));

    private RegressionTraffic() {
    }

    static List<PageView> generate(DemoSite site, PlantedPattern.PolicyRegression regression, SplittableRandom random) {
        List<PageView> views = new ArrayList<>();
        for (Instant at : PoissonArrivals.between(regression.start(), regression.rolledBackAt(),
                minute -> PEAK_VIEWS_PER_MINUTE * site.relativeTraffic(minute), random)) {
            Visitor visitor = site.visitors().regular(random);
            String path = site.pages().pick(random);
            List<ViolationSource> possible = INLINE_STYLES.stream()
                    .filter(source -> source.happensOn(path, visitor.browser().family()) && site.blocks(at, source))
                    .toList();
            if (!possible.isEmpty()) {
                int count = 1 + Randoms.poisson(random, EXTRA_VIOLATIONS_PER_VIEW);
                views.add(new PageView(site, at, visitor, path, ViolationCause.POLICY_REGRESSION,
                        WeightedChoice.of(possible, ViolationSource::weight).pickDistinct(count, random)));
            }
        }
        return views;
    }
}
