package org.secheaders.domain.report;

import java.util.Objects;
import java.util.OptionalInt;

/** All that is kept of a user agent: family, major version and OS family, never the raw string. */
public record ReducedUserAgent(BrowserFamily family, OptionalInt majorVersion, OsFamily os) {
    public static final ReducedUserAgent UNKNOWN =
            new ReducedUserAgent(BrowserFamily.UNKNOWN, OptionalInt.empty(), OsFamily.OTHER);

    public ReducedUserAgent {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(majorVersion, "majorVersion");
        Objects.requireNonNull(os, "os");
    }

    /** The stored user_agent value, e.g. {@code Chrome 126 (Windows)} or {@code Unknown}. */
    public String display() {
        StringBuilder text = new StringBuilder(family.displayName());
        majorVersion.ifPresent(v -> text.append(' ').append(v));
        if (os != OsFamily.OTHER) {
            text.append(" (").append(os.displayName()).append(')');
        }
        return text.toString();
    }
}
