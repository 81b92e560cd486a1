package org.secheaders.domain.report;

import org.secheaders.domain.model.WireEnums;

/** The operating-system families the reduced user agent distinguishes. */
public enum OsFamily {
    WINDOWS("Windows"),
    MACOS("macOS"),
    IOS("iOS"),
    ANDROID("Android"),
    CHROME_OS("ChromeOS"),
    LINUX("Linux"),
    OTHER("Other");

    private final String displayName;

    OsFamily(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    public String wireName() {
        return WireEnums.wireName(this);
    }
}
