package org.secheaders.analytics.service;

import java.util.Optional;
import org.secheaders.domain.model.SecuritySeverity;
import org.secheaders.domain.model.ThreatClassification;
import org.secheaders.domain.model.ViolationType;
import org.secheaders.domain.repo.ViolationQuery;

/** Which violations an analysis looks at, besides the period; every present filter must match. */
public record ViolationFilter(
        Optional<ViolationType> type,
        Optional<SecuritySeverity> severity,
        Optional<ThreatClassification> classification,
        Optional<String> directive,
        Optional<String> blockedHost,
        Optional<String> document) {

    public static ViolationFilter none() {
        return new ViolationFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    ViolationQuery query(TimeRange period) {
        ViolationQuery query = ViolationQuery.all().between(period.start(), period.end());
        query = type.map(query::withType).orElse(query);
        query = severity.map(query::withSeverity).orElse(query);
        query = classification.map(query::withClassification).orElse(query);
        query = directive.map(query::withDirective).orElse(query);
        query = blockedHost.map(query::withBlockedHost).orElse(query);
        return document.map(query::withDocumentUri).orElse(query);
    }
}
