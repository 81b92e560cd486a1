package org.secheaders.domain.repo;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.secheaders.domain.model.SecuritySeverity;
import org.secheaders.domain.model.ThreatClassification;
import org.secheaders.domain.model.ViolationType;

/**
 * Filters for violation queries and counts; every present filter must match. Build with
 * {@link #all()} and the {@code with...} methods, e.g.
 * {@code ViolationQuery.all().between(from, to).withSeverity(SecuritySeverity.HIGH)}.
 *
 * @param from        inclusive lower bound of {@code created_at}
 * @param to          exclusive upper bound of {@code created_at}
 * @param blockedHost host of the blocked URI, lower-case
 * @param resolved    true: only resolved violations; false: only open ones
 */
public record ViolationQuery(
        Optional<Instant> from,
        Optional<Instant> to,
        Optional<ViolationType> type,
        Optional<SecuritySeverity> severity,
        Optional<String> directive,
        Optional<String> blockedHost,
        Optional<String> blockedUri,
        Optional<String> documentUri,
        Optional<ThreatClassification> classification,
        Optional<Boolean> resolved) {

    private static final ViolationQuery ALL = new ViolationQuery(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    public ViolationQuery {
        blockedHost = blockedHost.map(host -> host.toLowerCase(Locale.ROOT));
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new IllegalArgumentException("time range is empty: from " + from.get() + " is not before " + to.get());
        }
    }

    public static ViolationQuery all() {
        return ALL;
    }

    /** Violations received in {@code [from, to)}. */
    public ViolationQuery between(Instant from, Instant to) {
        return new ViolationQuery(Optional.of(from), Optional.of(to), type, severity, directive,
                blockedHost, blockedUri, documentUri, classification, resolved);
    }

    /** Violations received before {@code end} (exclusive), keeping any lower bound. */
    public ViolationQuery receivedBefore(Instant end) {
        return new ViolationQuery(from, Optional.of(end), type, severity, directive,
                blockedHost, blockedUri, documentUri, classification, resolved);
    }

    public ViolationQuery withType(ViolationType value) {
        return new ViolationQuery(from, to, Optional.of(value), severity, directive,
                blockedHost, blockedUri, documentUri, classification, resolved);
    }

    public ViolationQuery withSeverity(SecuritySeverity value) {
        return new ViolationQuery(from, to, type, Optional.of(value), directive,
                blockedHost, blockedUri, documentUri, classification, resolved);
    }

    public ViolationQuery withDirective(String value) {
        return new ViolationQuery(from, to, type, severity, Optional.of(value),
                blockedHost, blockedUri, documentUri, classification, resolved);
    }

    public ViolationQuery withBlockedHost(String value) {
        return new ViolationQuery(from, to, type, severity, directive,
                Optional.of(value), blockedUri, documentUri, classification, resolved);
    }

    public ViolationQuery withBlockedUri(String value) {
        return new ViolationQuery(from, to, type, severity, directive,
                blockedHost, Optional.of(value), documentUri, classification, resolved);
    }

    public ViolationQuery withDocumentUri(String value) {
        return new ViolationQuery(from, to, type, severity, directive,
                blockedHost, blockedUri, Optional.of(value), classification, resolved);
    }

    public ViolationQuery withClassification(ThreatClassification value) {
        return new ViolationQuery(from, to, type, severity, directive,
                blockedHost, blockedUri, documentUri, Optional.of(value), resolved);
    }

    public ViolationQuery withResolved(boolean value) {
        return new ViolationQuery(from, to, type, severity, directive,
                blockedHost, blockedUri, documentUri, classification, Optional.of(value));
    }

    /** Whether this query has no filter but its time range. */
    boolean onlyTimeRange() {
        return type.isEmpty() && severity.isEmpty() && directive.isEmpty() && blockedHost.isEmpty() && blockedUri.isEmpty()
                && documentUri.isEmpty() && classification.isEmpty() && resolved.isEmpty();
    }
}
