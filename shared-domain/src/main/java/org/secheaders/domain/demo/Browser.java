package org.secheaders.domain.demo;

/**
 * The browser versions demo visitors use, with the reporting behaviour that matters to the
 * pipeline (design notes §1.5): which wire format they send, whether they name the effective
 * (most specific) directive, and how much of a blocked URL they reveal.
 */
enum Browser {
    CHROME_DESKTOP(BrowserFamily.CHROMIUM, 34, ReportFormat.REPORTING_API, true,
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/146.0.0.0 Safari/537.36"),
    CHROME_ANDROID(BrowserFamily.CHROMIUM, 16, ReportFormat.REPORTING_API, true,
            "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/146.0.0.0 Mobile Safari/537.36"),
    EDGE(BrowserFamily.CHROMIUM, 9, ReportFormat.REPORTING_API, true,
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/146.0.0.0 Safari/537.36 Edg/146.0.0.0"),
    SAMSUNG_INTERNET(BrowserFamily.CHROMIUM, 3, ReportFormat.REPORTING_API, true,
            "Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/28.0 Chrome/130.0.0.0 Mobile Safari/537.36"),
    SAFARI_MAC(BrowserFamily.SAFARI, 8, ReportFormat.REPORTING_API, true,
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.3 Safari/605.1.15"),
    SAFARI_IOS(BrowserFamily.SAFARI, 15, ReportFormat.REPORTING_API, true,
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.3 Mobile/15E148 Safari/604.1"),
    /** Reporting API for CSP shipped in Firefox 149; earlier versions use report-uri. */
    FIREFOX_150(BrowserFamily.FIREFOX, 3, ReportFormat.REPORTING_API, true,
            "Mozilla/5.0 (X11; Linux x86_64; rv:150.0) Gecko/20100101 Firefox/150.0"),
    FIREFOX_148(BrowserFamily.FIREFOX, 8, ReportFormat.LEGACY_CSP_REPORT, true,
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:148.0) Gecko/20100101 Firefox/148.0"),
    FIREFOX_ESR_140(BrowserFamily.FIREFOX, 3, ReportFormat.LEGACY_CSP_REPORT, true,
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0"),
    /** Before Firefox 108: no effective-directive, the full directive text in violated-directive. */
    FIREFOX_102(BrowserFamily.FIREFOX, 1, ReportFormat.LEGACY_CSP_REPORT, false,
            "Mozilla/5.0 (X11; Linux x86_64; rv:102.0) Gecko/20100101 Firefox/102.0");

    private final BrowserFamily family;
    private final double share;
    private final ReportFormat format;
    private final boolean csp3Reports;
    private final String userAgent;

    Browser(BrowserFamily family, double share, ReportFormat format, boolean csp3Reports, String userAgent) {
        this.family = family;
        this.share = share;
        this.format = format;
        this.csp3Reports = csp3Reports;
        this.userAgent = userAgent;
    }

    BrowserFamily family() {
        return family;
    }

    /** Relative share among visitors. */
    double share() {
        return share;
    }

    ReportFormat format() {
        return format;
    }

    /** Sends effective-directive (the most specific directive, e.g. script-src-elem) and status-code. */
    boolean csp3Reports() {
        return csp3Reports;
    }

    String userAgent() {
        return userAgent;
    }

    /** Chromium and WebKit cut cross-origin blocked URLs to the origin; Firefox keeps path and query. */
    boolean stripsCrossOriginPath() {
        return family != BrowserFamily.FIREFOX;
    }
}
