package org.secheaders.domain.compliance.remediation;

import java.util.List;
import java.util.Objects;

/** A proposal every candidate of which failed validation: reported, not hidden. */
public record RejectedSuggestion(String target, List<String> addresses, List<String> reasons) {
    public RejectedSuggestion {
        Objects.requireNonNull(target, "target");
        addresses = List.copyOf(addresses);
        reasons = List.copyOf(reasons);
    }
}
