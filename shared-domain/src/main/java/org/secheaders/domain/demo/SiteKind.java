package org.secheaders.domain.demo;

/** The kinds of demo site, each with its own policy style, pages, third parties and traffic rhythm. */
public enum SiteKind {
    /** An online shop with a strict CSP: per-response nonces, {@code 'strict-dynamic'}, Trusted Types. */
    STRICT_NONCE_SHOP,
    /** A news site with a host allowlist of CDNs, tag managers and ad networks. */
    ALLOWLIST_NEWS,
    /** A customer portal rolling out its first CSP in report-only mode (the "CSP wizard" approach). */
    REPORT_ONLY_PORTAL;

    SiteModel model() {
        return switch (this) {
            case STRICT_NONCE_SHOP -> StrictShopSite.INSTANCE;
            case ALLOWLIST_NEWS -> AllowlistNewsSite.INSTANCE;
            case REPORT_ONLY_PORTAL -> ReportOnlyPortalSite.INSTANCE;
        };
    }
}
