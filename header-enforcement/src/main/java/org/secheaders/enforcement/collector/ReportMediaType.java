package org.secheaders.enforcement.collector;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The Content-Types a report may have: legacy report-uri, Reporting API batches, and plain JSON. */
final class ReportMediaType {
    static final Set<String> ACCEPTED = Set.of("application/csp-report", "application/reports+json", "application/json");
    static final String REQUIREMENT = "Content-Type must be one of " + ACCEPTED.stream().sorted().toList();

    private ReportMediaType() {
    }

    /** The media type without parameters, lower case, if it is one the collector accepts. */
    static Optional<String> of(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .strip().toLowerCase(Locale.ROOT);
        return ACCEPTED.contains(mediaType) ? Optional.of(mediaType) : Optional.empty();
    }
}
