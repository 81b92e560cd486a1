package org.secheaders.domain.compliance.remediation;

import java.util.Objects;
import java.util.Optional;

/** A header's value before and after a suggestion (cookie values redacted); empty means "not sent". */
public record ValueChange(String header, Optional<String> before, Optional<String> after) {
    public ValueChange {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }
}
