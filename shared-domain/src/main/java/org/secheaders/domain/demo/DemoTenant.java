package org.secheaders.domain.demo;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.secheaders.domain.model.Tenant;

/**
 * A demo tenant: who it is, what kind of site it runs and how much traffic its reports bring.
 *
 * @param zone         where most visitors live; drives the daily rhythm of the reports
 * @param trafficShare relative share of the baseline reports
 * @param noiseShare   fraction of the baseline reports caused by browser extensions
 * @param visitors     size of the visitor pool (distinct clients)
 */
public record DemoTenant(
        String slug,
        String name,
        String primaryDomain,
        ZoneId zone,
        SiteKind kind,
        double trafficShare,
        double noiseShare,
        int visitors) {

    /** Marks the tenants the demo created, in {@code tenants.settings}. */
    public static final String DEMO_SETTING = "demo_seed";

    /**
     * The catalogue, in the order tenants are added: the first three carry the planted patterns, so
     * every scenario has them; further entries give larger scenarios more sites of each kind.
     */
    public static final List<DemoTenant> CATALOGUE = List.of(
            new DemoTenant("acme-shop", "ACME Shop", "acme-shop.example", ZoneId.of("America/New_York"),
                    SiteKind.STRICT_NONCE_SHOP, 0.45, 0.28, 4_000),
            new DemoTenant("globex-news", "Globex News", "globex-news.example", ZoneId.of("Europe/London"),
                    SiteKind.ALLOWLIST_NEWS, 0.35, 0.22, 5_000),
            new DemoTenant("initech-portal", "Initech Customer Portal", "initech-portal.example",
                    ZoneId.of("Europe/Berlin"), SiteKind.REPORT_ONLY_PORTAL, 0.20, 0.18, 1_500),
            new DemoTenant("umbrella-pharmacy", "Umbrella Pharmacy", "umbrella-pharmacy.example",
                    ZoneId.of("America/Chicago"), SiteKind.STRICT_NONCE_SHOP, 0.15, 0.25, 2_000),
            new DemoTenant("hooli-daily", "Hooli Daily", "hooli-daily.example", ZoneId.of("Asia/Singapore"),
                    SiteKind.ALLOWLIST_NEWS, 0.15, 0.20, 2_500),
            new DemoTenant("wayne-benefits", "Wayne Benefits Portal", "wayne-benefits.example",
                    ZoneId.of("America/Los_Angeles"), SiteKind.REPORT_ONLY_PORTAL, 0.10, 0.18, 800));

    public DemoTenant {
        Tenant.requireSlug(slug);
    }

    /** {@code https://} + primary domain. */
    public String origin() {
        return "https://" + primaryDomain;
    }

    /** What the seeder stores for {@link Tenant.Draft}; the settings mark the tenant as demo data. */
    Tenant.Draft draft(long seed) {
        return new Tenant.Draft(slug, name, primaryDomain, Map.of(
                DEMO_SETTING, seed,
                "time_zone", zone.getId(),
                "site_kind", kind.name().toLowerCase(Locale.ROOT)));
    }
}
