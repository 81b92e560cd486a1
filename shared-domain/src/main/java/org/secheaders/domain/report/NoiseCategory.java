package org.secheaders.domain.report;

/** Why a report is noise; the order is the order the classifier's noise rules are listed in. */
public enum NoiseCategory {
    EXTENSION("extension", "a browser extension's URL or scheme"),
    BROWSER_INTERNAL("browser-internal", "a browser-internal or app-embedding scheme"),
    INJECTOR("injector", "a host known to inject into pages (adware, proxies, antivirus, translation)"),
    INJECTED_SCRIPT("injected-script", "a sample matching a known injected-script signature"),
    LOCAL_ADDRESS("local-address", "localhost or a private network address"),
    BROWSER_BUG("browser-bug", "a known browser bug that produces spurious reports"),
    TENANT_DENY("tenant-deny", "a deny pattern configured by the tenant");

    private final String id;
    private final String description;

    NoiseCategory(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The id used in rule ids and counters, e.g. {@code extension}. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }
}
