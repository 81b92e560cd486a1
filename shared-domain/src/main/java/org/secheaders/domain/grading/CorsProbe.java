package org.secheaders.domain.grading;

import java.util.Objects;

/**
 * A request sent with an {@code Origin} header to see what the site allows cross-origin, and the
 * headers of its answer.
 */
public record CorsProbe(String requestOrigin, ResponseHeaders responseHeaders) {
    public CorsProbe {
        Objects.requireNonNull(requestOrigin, "requestOrigin");
        Objects.requireNonNull(responseHeaders, "responseHeaders");
    }
}
