package org.secheaders.domain.demo;

/** Browser engines, which differ in how they report and in which extension noise they produce. */
public enum BrowserFamily {
    CHROMIUM, FIREFOX, SAFARI
}
