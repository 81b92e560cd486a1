package org.secheaders.domain.compliance;

import java.util.Objects;
import java.util.Optional;

/**
 * One header whose observed value is not the configured one.
 *
 * @param header     the header name, lower case
 * @param critical   whether the header carries a core protection (CSP, HSTS, framing, MIME sniffing)
 */
public record HeaderDrift(String header, DriftKind kind, Optional<String> configured, Optional<String> observed,
                          boolean critical) {
    public HeaderDrift {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(configured, "configured");
        Objects.requireNonNull(observed, "observed");
    }
}
