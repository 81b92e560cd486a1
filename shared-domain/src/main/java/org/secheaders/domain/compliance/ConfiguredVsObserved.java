package org.secheaders.domain.compliance;

import java.util.Objects;

import org.secheaders.domain.grading.ResponseHeaders;

/** The headers the tenant configured and the headers a scan saw, compared header by header for drift. */
public record ConfiguredVsObserved(ResponseHeaders configured, ResponseHeaders observed) {
    public ConfiguredVsObserved {
        Objects.requireNonNull(configured, "configured");
        Objects.requireNonNull(observed, "observed");
    }
}
