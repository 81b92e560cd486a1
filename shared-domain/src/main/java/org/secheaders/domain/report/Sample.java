package org.secheaders.domain.report;

import java.util.Objects;
import java.util.Optional;

/**
 * The first characters of the blocked inline code (CSP3 caps it at 40). Attacker-controlled: use it for
 * matching and escape it wherever it is shown.
 *
 * @param sink      the Trusted Types sink ({@code Element innerHTML}) when the sample was {@code sink|code}
 * @param text      at most {@link #MAX_CHARS} characters
 * @param truncated true when the browser marked it truncated (Firefox's trailing {@code ...}) or it was cut here
 */
public record Sample(Optional<String> sink, String text, boolean truncated) {
    public static final int MAX_CHARS = 40;

    public Sample {
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(text, "text");
        if (text.length() > MAX_CHARS) {
            throw new IllegalArgumentException("sample text longer than " + MAX_CHARS + " chars");
        }
    }
}
