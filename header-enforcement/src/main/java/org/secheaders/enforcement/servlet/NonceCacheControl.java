package org.secheaders.enforcement.servlet;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the filter does to {@code Cache-Control} on responses whose CSP carries a nonce. A cached
 * copy replays the same nonce to every reader, which turns the nonce into a public constant; a
 * shared cache (CDN, proxy) is the worst case. The filter sets the header before the application
 * runs, so a page that really is nonce-free (or a static asset) can still set its own value.
 */
public enum NonceCacheControl {
    /** {@code Cache-Control: no-store, private} — nothing stores the page (the default). */
    NO_STORE("no-store", Optional.of("no-store, private")),
    /** {@code Cache-Control: private} — the browser may keep it for its own user; shared caches may not. */
    PRIVATE("private", Optional.of("private")),
    /** Leave Cache-Control to the application. */
    OFF("off", Optional.empty());

    private final String parameterValue;
    private final Optional<String> headerValue;

    NonceCacheControl(String parameterValue, Optional<String> headerValue) {
        this.parameterValue = parameterValue;
        this.headerValue = headerValue;
    }

    public Optional<String> headerValue() {
        return headerValue;
    }

    /** Parses the {@code nonce-cache-control} init parameter. */
    public static NonceCacheControl fromParameter(String value) {
        String normalized = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(v -> v.parameterValue.equals(normalized))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + value + "' is not one of "
                        + Arrays.stream(values()).map(v -> v.parameterValue).collect(Collectors.joining(", ", "[", "]"))));
    }
}
