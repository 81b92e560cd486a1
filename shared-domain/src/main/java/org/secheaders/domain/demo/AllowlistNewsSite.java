package org.secheaders.domain.demo;

import static org.secheaders.domain.demo.ViolationSource.INLINE;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.secheaders.domain.model.Actor;
import org.secheaders.domain.model.PolicyInheritanceMode;
import org.secheaders.domain.model.PolicyType;
import org.secheaders.domain.model.Role;
import org.secheaders.domain.policy.OverridePermissions;

/**
 * A news site with a host allowlist (CDNs, tag manager, ad network). What gets reported: ad and
 * social scripts the tag manager pulls in from hosts not on the list, embeds, its own comments API,
 * and inline handlers. The tenant may override script-src and style-src, which it uses for the
 * planted {@link PlantedPattern.PolicyRegression}.
 */
final class AllowlistNewsSite implements SiteModel {
    static final AllowlistNewsSite INSTANCE = new AllowlistNewsSite();

    private static final String ADSENSE_CLIENT = "ca-pub-7391650281";
    private static final String GTAG = "https://www.googletagmanager.com/gtag/js?id=G-8QX3Z1LK7P";
    /** The hashed-styles revision lists one hash per known inline style block (and still misses some). */
    private static final int STYLE_HASHES = 14;

    private static final WeightedChoice<String> PAGES = new PageCatalogue()
            .page("/", 25)
            .family("/article/2026/04/", List.of("council-budget-vote", "rail-strike-talks", "chip-plant-expansion",
                    "heatwave-warning", "cup-final-preview", "museum-reopens", "rate-decision-explained",
                    "election-live-analysis", "startup-funding-slump", "festival-lineup"), 45)
            .family("/section/", List.of("politics", "business", "tech", "sport", "culture"), 12)
            .family("/live/", List.of("election-night", "transfer-deadline"), 5)
            .family("/video/", List.of("v-20931", "v-20977", "v-21004"), 5)
            .page("/subscribe", 3)
            .page("/login", 2)
            .build();

    private AllowlistNewsSite() {
    }

    @Override
    public WeightedChoice<String> pages() {
        return PAGES;
    }

    @Override
    public List<ViolationSource> sources(DemoTenant tenant) {
        String site = tenant.origin();
        String adsense = "https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client=" + ADSENSE_CLIENT;
        return List.of(
                ViolationSource.of("script-src-elem", adsense, 10).onPaths("/", "/article/", "/section/"),
                ViolationSource.of("script-src-elem",
                        "https://static.cloudflareinsights.com/beacon.min.js/vcd15cbe7772f49c399c6a5babf22c1241717689176015", 4),
                ViolationSource.of("script-src-elem", "https://connect.facebook.net/en_US/sdk.js#xfbml=1&version=v19.0", 5)
                        .onPaths("/article/"),
                ViolationSource.of("script-src-elem", "https://platform.twitter.com/widgets.js", 4).onPaths("/article/"),
                ViolationSource.of("script-src-elem", "https://unpkg.com/swiper@11/swiper-bundle.min.js", 3)
                        .onPaths("/live/"),
                ViolationSource.of("script-src-attr", INLINE, 4)
                        .withSamples("gtag('event','share',{method:'whatsapp'})", "window.print()")
                        .inPage(377, 52).onPaths("/article/"),
                ViolationSource.of("script-src-elem", INLINE, 3)
                        .withSamples("window.__PRELOADED_STATE__={\"article\":{\"id\":20931,\"section\":\"politics\"}}")
                        .inPage(41, 9),
                ViolationSource.of("connect-src", "https://stats.g.doubleclick.net/g/collect?v=2&tid=G-8QX3Z1LK7P", 6)
                        .inFile(GTAG, 212, 311),
                ViolationSource.of("connect-src", "https://api." + tenant.primaryDomain() + "/v2/comments?article="
                        + ViolationSource.RANDOM_TOKEN, 6).inFile(site + "/assets/js/comments.5c1e9a.js", 1, 8820)
                        .onPaths("/article/"),
                ViolationSource.of("connect-src", "https://pagead2.googlesyndication.com/pagead/ping?e=1", 4)
                        .inFile(adsense, 2, 1181),
                ViolationSource.of("frame-src", "https://googleads.g.doubleclick.net/pagead/ads?client=" + ADSENSE_CLIENT
                        + "&format=300x250&correlator=" + ViolationSource.RANDOM_TOKEN, 6),
                ViolationSource.of("frame-src", "https://www.youtube.com/embed/M7lc1UVf-VE", 4)
                        .onPaths("/video/", "/article/"),
                ViolationSource.of("frame-src", "https://platform.twitter.com/embed/Tweet.html?id=1780912277459902517", 3)
                        .onPaths("/article/"),
                ViolationSource.of("font-src",
                        "https://cdn.jsdelivr.net/npm/@fontsource/merriweather@5.0.8/files/merriweather-latin-400-normal.woff2", 3),
                ViolationSource.of("media-src", "https://cdn." + tenant.primaryDomain() + "/podcast/"
                        + ViolationSource.RANDOM_TOKEN + ".mp3", 2).onPaths("/article/"),
                ViolationSource.of("form-action", "https://globex.us21.list-manage.com/subscribe/post", 2)
                        .onPaths("/subscribe"));
    }

    @Override
    public PolicyHistory policyHistory(DemoTenant tenant, DemoScenario scenario) {
        SitePolicy allowlist = allowlist(tenant);
        List<PolicyRevision> revisions = new ArrayList<>();
        revisions.add(new PolicyRevision(SiteModel.firstRevisionAt(scenario), "allowlist-csp", allowlist, PLATFORM_ADMIN));
        PlantedPattern.PolicyRegression regression = scenario.policyRegression();
        if (regression.tenantSlug().equals(tenant.slug())) {
            SitePolicy hashed = allowlist.with("style-src", hashedStyleSources());
            revisions.add(new PolicyRevision(regression.changedAt(), "allowlist-csp (hashed styles)", hashed,
                    new Actor("ci-deploy@" + tenant.primaryDomain(), Role.TENANT_ADMIN, Optional.of("deploy-4711"))));
            revisions.add(new PolicyRevision(regression.rolledBackAt(), "allowlist-csp", allowlist,
                    new Actor("m.okafor@" + tenant.primaryDomain(), Role.TENANT_ADMIN, Optional.of("rollback-4711"))));
        }
        return new PolicyHistory(PolicyType.CSP, PolicyInheritanceMode.OVERRIDE,
                new OverridePermissions(Set.of("script-src", "style-src"), Set.of(), Set.of()), revisions);
    }

    @Override
    public TrafficProfile traffic() {
        return TrafficProfile.NEWS;
    }

    @Override
    public double headerP50Millis() {
        return 0.044;
    }

    private static SitePolicy allowlist(DemoTenant tenant) {
        String domain = tenant.primaryDomain();
        Map<String, List<String>> directives = new LinkedHashMap<>();
        directives.put("default-src", List.of("'self'"));
        directives.put("script-src", List.of("'self'", "'report-sample'", "https://cdn.jsdelivr.net",
                "https://www.googletagmanager.com", "https://www.google-analytics.com",
                "https://securepubads.g.doubleclick.net"));
        directives.put("style-src", List.of("'self'", "'unsafe-inline'", "https://fonts.googleapis.com",
                "https://cdn.jsdelivr.net"));
        directives.put("img-src", List.of("'self'", "data:", "https:"));
        directives.put("font-src", List.of("'self'", "https://fonts.gstatic.com"));
        directives.put("connect-src", List.of("'self'", "https://*.google-analytics.com",
                "https://*.analytics.google.com", "https://www.googletagmanager.com"));
        directives.put("frame-src", List.of("https://www.youtube-nocookie.com", "https://securepubads.g.doubleclick.net",
                "https://tpc.googlesyndication.com"));
        directives.put("media-src", List.of("'self'", "https://video." + domain));
        directives.put("object-src", List.of("'none'"));
        directives.put("base-uri", List.of("'self'"));
        directives.put("form-action", List.of("'self'", "https://newsletter." + domain));
        directives.put("frame-ancestors", List.of("'self'"));
        directives.put("upgrade-insecure-requests", List.of());
        return new SitePolicy(directives, Set.of(), false);
    }

    /** style-src without 'unsafe-inline': 'report-sample' and a hash per known inline style block. */
    private static List<String> hashedStyleSources() {
        List<String> sources = new ArrayList<>(List.of("'self'", "'report-sample'"));
        IntStream.range(0, STYLE_HASHES).mapToObj(i -> "'sha256-" + sha256("globex-style-block-" + i) + "'")
                .forEach(sources::add);
        sources.addAll(List.of("https://fonts.googleapis.com", "https://cdn.jsdelivr.net"));
        return sources;
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
