package org.secheaders.domain.demo;

import static org.secheaders.domain.demo.ViolationSource.EVAL;
import static org.secheaders.domain.demo.ViolationSource.INLINE;
import static org.secheaders.domain.demo.ViolationSource.TRUSTED_TYPES_SINK;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.secheaders.domain.model.PolicyInheritanceMode;
import org.secheaders.domain.model.PolicyType;
import org.secheaders.domain.policy.OverridePermissions;

/**
 * An online shop with a strict CSP (nonce + {@code 'strict-dynamic'} + Trusted Types). What still
 * gets reported: legacy inline handlers and styles, tags pasted into the CMS without a nonce, and
 * third parties the connect/frame/font allowlists do not cover.
 */
final class StrictShopSite implements SiteModel {
    static final StrictShopSite INSTANCE = new StrictShopSite();

    private static final WeightedChoice<String> PAGES = new PageCatalogue()
            .page("/", 20)
            .family("/product/", List.of("trail-runner-3", "merino-crew-sock", "down-parka", "canvas-tote",
                    "espresso-grinder-pro", "ceramic-pour-over", "wool-beanie", "chef-knife-8in", "cork-yoga-mat",
                    "rain-shell-jacket", "leather-wallet", "cast-iron-skillet"), 30)
            .family("/category/", List.of("outdoor", "kitchen", "apparel", "accessories", "sale"), 8)
            .family("/search?q=", List.of("running+shoes", "gift+card", "parka", "knife"), 5)
            .family("/blog/", List.of("how-to-choose-a-parka", "pour-over-guide", "care-for-cast-iron",
                    "spring-trail-picks"), 8)
            .page("/cart", 8)
            .page("/checkout", 5)
            .page("/checkout/payment", 3)
            .page("/login", 6)
            .page("/account/orders", 4)
            .build();

    private StrictShopSite() {
    }

    @Override
    public WeightedChoice<String> pages() {
        return PAGES;
    }

    @Override
    public List<ViolationSource> sources(DemoTenant tenant) {
        String site = tenant.origin();
        String appBundle = site + "/static/js/app.3f9c2d.js";
        return List.of(
                ViolationSource.of("style-src-attr", INLINE, 6).withSamples("display:none", "width:37%")
                        .inPage(212, 18),
                ViolationSource.of("script-src-attr", INLINE, 8).withSamples("openSizeGuide(this)")
                        .inPage(412, 37).onPaths("/product/"),
                ViolationSource.of("style-src-elem", INLINE, 3)
                        .withSamples(".promo-banner{display:block;background:#ffd400;color:#111}")
                        .inPage(88, 5).onPaths("/", "/category/"),
                // Pasted into the CMS without a nonce, so 'strict-dynamic' does not trust it.
                ViolationSource.of("script-src-elem", "https://static.hotjar.com/c/hotjar-3120981.js?sv=6", 6)
                        .onPaths("/", "/product/", "/category/"),
                ViolationSource.of("img-src", "https://www.facebook.com/tr?id=1439628870&ev=PageView&noscript=1", 7),
                ViolationSource.of("img-src", "https://media." + tenant.primaryDomain() + "/lookbook/"
                        + ViolationSource.RANDOM_TOKEN + ".webp", 4).onPaths("/blog/", "/category/"),
                ViolationSource.of("connect-src", "https://px.ads.linkedin.com/wa/", 3)
                        .inFile("https://snap.licdn.com/li.lms-analytics/insight.min.js", 1, 3071),
                ViolationSource.of("connect-src",
                        "https://o450123.ingest.sentry.io/api/4504123/envelope/?sentry_key=8f2a61c0d4e7", 5)
                        .inFile(appBundle, 2, 81234),
                ViolationSource.of("frame-src", "https://www.youtube.com/embed/M7lc1UVf-VE", 5).onPaths("/blog/"),
                ViolationSource.of("font-src", "https://use.typekit.net/af/2f9c1b/00000000000000007735a0f8/30/l", 3)
                        .onPaths("/blog/"),
                ViolationSource.of("script-src", EVAL, 2).withSamples("return this.__carousel_init__(opts)")
                        .inFile(site + "/static/js/vendor/legacy-carousel.min.js", 1, 2345)
                        .onPaths("/", "/category/"),
                ViolationSource.of("require-trusted-types-for", TRUSTED_TYPES_SINK, 3)
                        .withSamples("Element innerHTML|<div class=\"size-guide\"><table><tr><th>EU</th>")
                        .inFile(appBundle, 2, 40511).onPaths("/product/")
                        .inBrowsers(BrowserFamily.CHROMIUM),
                ViolationSource.of("form-action", "https://www.paypal.com/cgi-bin/webscr", 2)
                        .onPaths("/checkout/payment"),
                ViolationSource.of("frame-ancestors", ViolationSource.THIS_PAGE, 1).onPaths("/product/"));
    }

    @Override
    public PolicyHistory policyHistory(DemoTenant tenant, DemoScenario scenario) {
        Map<String, List<String>> directives = new LinkedHashMap<>();
        directives.put("default-src", List.of("'self'"));
        // 'unsafe-inline' and https: only serve browsers without nonce / strict-dynamic support.
        directives.put("script-src", List.of("'strict-dynamic'", "'report-sample'", "'unsafe-inline'", "https:"));
        directives.put("style-src", List.of("'self'", "'report-sample'", "https://fonts.googleapis.com"));
        directives.put("img-src", List.of("'self'", "data:", "https://cdn." + tenant.primaryDomain()));
        directives.put("font-src", List.of("'self'", "https://fonts.gstatic.com"));
        directives.put("connect-src", List.of("'self'", "https://api.stripe.com", "https://region1.google-analytics.com"));
        directives.put("frame-src", List.of("https://js.stripe.com", "https://hooks.stripe.com"));
        directives.put("object-src", List.of("'none'"));
        directives.put("base-uri", List.of("'none'"));
        directives.put("form-action", List.of("'self'"));
        directives.put("frame-ancestors", List.of("'none'"));
        directives.put("require-trusted-types-for", List.of("'script'"));
        SitePolicy strict = new SitePolicy(directives, Set.of("script-src", "style-src"), false);
        return new PolicyHistory(PolicyType.CSP, PolicyInheritanceMode.EXTEND, OverridePermissions.none(), List.of(
                new PolicyRevision(SiteModel.firstRevisionAt(scenario), "strict-csp", strict, PLATFORM_ADMIN)));
    }

    @Override
    public TrafficProfile traffic() {
        return TrafficProfile.SHOP;
    }

    @Override
    public double headerP50Millis() {
        return 0.068;
    }
}
