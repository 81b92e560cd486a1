package org.secheaders.domain.demo;

import static org.secheaders.domain.demo.ViolationSource.EVAL;
import static org.secheaders.domain.demo.ViolationSource.INLINE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.secheaders.domain.model.PolicyInheritanceMode;
import org.secheaders.domain.model.PolicyType;
import org.secheaders.domain.policy.OverridePermissions;

/**
 * A customer portal rolling out its first CSP as report-only, starting from {@code 'self'}
 * everywhere: its own CDN and API, the support chat, analytics and embedded reports all show up
 * as (report-only) violations until the policy learns them. The planted
 * {@link PlantedPattern.RolloutFix} adds the portal's own hosts.
 */
final class ReportOnlyPortalSite implements SiteModel {
    static final ReportOnlyPortalSite INSTANCE = new ReportOnlyPortalSite();

    private static final String INTERCOM_FRAME = "https://js.intercomcdn.com/frame-modern.7a3f1e2b.js";

    private static final WeightedChoice<String> PAGES = new PageCatalogue()
            .page("/", 5)
            .page("/dashboard", 25)
            .page("/login", 10)
            .family("/reports/", List.of("q1-usage", "sla-breaches", "invoices-2026"), 10)
            .family("/tickets/", List.of("48213", "48220", "48231", "48236", "48247", "48252"), 15)
            .family("/kb/", List.of("reset-password", "export-data", "api-tokens", "sso-setup"), 8)
            .page("/settings/profile", 4)
            .page("/admin/users", 3)
            .build();

    private ReportOnlyPortalSite() {
    }

    /** The portal's own hosts, which the rollout step adds to the policy. */
    static List<String> hostsAddedByRollout(DemoTenant tenant) {
        return List.of(staticHost(tenant), apiHost(tenant));
    }

    @Override
    public WeightedChoice<String> pages() {
        return PAGES;
    }

    @Override
    public List<ViolationSource> sources(DemoTenant tenant) {
        String assets = "https://" + staticHost(tenant) + "/app/";
        return List.of(
                ViolationSource.of("script-src-elem", assets + "main.8c1e2f.js", 12),
                ViolationSource.of("style-src-elem", assets + "main.4b7d0a.css", 8),
                ViolationSource.of("img-src", assets + "img/logo@2x.png", 5),
                ViolationSource.of("connect-src", "https://" + apiHost(tenant) + "/v1/session", 10)
                        .inFile(assets + "main.8c1e2f.js", 1, 48211),
                ViolationSource.of("script-src", EVAL, 2)
                        .withSamples("return new Function('ctx','with(ctx){return '+expr+'}')")
                        .inFile(assets + "vendor.31d9aa.js", 2, 10452),
                ViolationSource.of("img-src", "https://secure.gravatar.com/avatar/" + ViolationSource.RANDOM_TOKEN
                        + "?s=64&d=identicon", 5),
                ViolationSource.of("script-src-elem", "https://widget.intercom.io/widget/k8f2x1qz", 4),
                ViolationSource.of("script-src-elem", INTERCOM_FRAME, 3),
                ViolationSource.of("connect-src", "wss://nexus-websocket-a.intercom.io/pubsub/5-"
                        + ViolationSource.RANDOM_TOKEN, 4).inFile(INTERCOM_FRAME, 1, 190233),
                ViolationSource.of("style-src-elem", INLINE, 3)
                        .withSamples(".intercom-lightweight-app{position:fixed;z-index:2147483001}")
                        .inFile(INTERCOM_FRAME, 1, 88412),
                ViolationSource.of("style-src-attr", INLINE, 5).withSamples("visibility:hidden;position:absolute")
                        .inPage(96, 14),
                ViolationSource.of("script-src-elem", INLINE, 5)
                        .withSamples("window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}")
                        .inPage(18, 5),
                ViolationSource.of("script-src-elem", "https://www.googletagmanager.com/gtag/js?id=G-4RT7QW2M1X", 4),
                ViolationSource.of("font-src",
                        "https://fonts.gstatic.com/s/inter/v13/UcCO3FwrK3iLTeHuS_fvQtMwCp50KnMw2boKoduKmMEVuLyfAZ9hiA.woff2", 5),
                ViolationSource.of("form-action", "https://sso." + tenant.primaryDomain() + "/saml2/idp/SSOService", 3)
                        .onPaths("/login"),
                ViolationSource.of("frame-src", "https://app.powerbi.com/reportEmbed?reportId="
                        + ViolationSource.RANDOM_TOKEN, 3).onPaths("/reports/"),
                // Customers embed report pages in their intranet; frame-ancestors 'self' refuses it.
                ViolationSource.of("frame-ancestors", ViolationSource.THIS_PAGE, 2).onPaths("/reports/"));
    }

    @Override
    public PolicyHistory policyHistory(DemoTenant tenant, DemoScenario scenario) {
        SitePolicy wizard = selfOnly();
        List<PolicyRevision> revisions = new ArrayList<>();
        revisions.add(new PolicyRevision(SiteModel.firstRevisionAt(scenario), "csp-rollout (report-only)", wizard,
                PLATFORM_ADMIN));
        PlantedPattern.RolloutFix fix = scenario.rolloutFix();
        if (fix.tenantSlug().equals(tenant.slug())) {
            String assets = "https://" + staticHost(tenant);
            SitePolicy withOwnHosts = wizard
                    .with("script-src", List.of("'self'", "'report-sample'", assets))
                    .with("style-src", List.of("'self'", "'report-sample'", assets))
                    .with("img-src", List.of("'self'", "data:", assets))
                    .with("connect-src", List.of("'self'", "https://" + apiHost(tenant)));
            revisions.add(new PolicyRevision(fix.start(), "csp-rollout (report-only), step 2", withOwnHosts,
                    SiteModel.tenantAdmin(tenant, "k.brandt")));
        }
        return new PolicyHistory(PolicyType.CSP_REPORT_ONLY, PolicyInheritanceMode.EXTEND,
                OverridePermissions.none(), revisions);
    }

    @Override
    public TrafficProfile traffic() {
        return TrafficProfile.BUSINESS;
    }

    @Override
    public double headerP50Millis() {
        return 0.051;
    }

    /** The CSP-wizard starting point: everything 'self', reported rather than enforced. */
    private static SitePolicy selfOnly() {
        Map<String, List<String>> directives = new LinkedHashMap<>();
        directives.put("default-src", List.of("'self'"));
        directives.put("script-src", List.of("'self'", "'report-sample'"));
        directives.put("style-src", List.of("'self'", "'report-sample'"));
        directives.put("img-src", List.of("'self'", "data:"));
        directives.put("font-src", List.of("'self'"));
        directives.put("connect-src", List.of("'self'"));
        directives.put("frame-src", List.of("'none'"));
        directives.put("object-src", List.of("'none'"));
        directives.put("base-uri", List.of("'self'"));
        directives.put("form-action", List.of("'self'"));
        directives.put("frame-ancestors", List.of("'self'"));
        return new SitePolicy(directives, Set.of(), true);
    }

    private static String staticHost(DemoTenant tenant) {
        return "static." + tenant.primaryDomain();
    }

    private static String apiHost(DemoTenant tenant) {
        return "api." + tenant.primaryDomain();
    }
}
