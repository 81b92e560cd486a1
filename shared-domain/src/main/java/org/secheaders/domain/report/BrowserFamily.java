package org.secheaders.domain.report;

import org.secheaders.domain.model.WireEnums;

/** The browser families the reduced user agent distinguishes. */
public enum BrowserFamily {
    CHROME("Chrome"),
    CHROMIUM("Chromium"),
    EDGE("Edge"),
    FIREFOX("Firefox"),
    SAFARI("Safari"),
    OPERA("Opera"),
    SAMSUNG_INTERNET("Samsung Internet"),
    /** Crawlers, monitors and headless automation. */
    BOT("Bot"),
    OTHER("Other"),
    UNKNOWN("Unknown");

    private final String displayName;

    BrowserFamily(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    public String wireName() {
        return WireEnums.wireName(this);
    }
}
