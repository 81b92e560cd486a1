package org.secheaders.domain.anomaly;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import org.secheaders.domain.model.SecuritySeverity;

/**
 * The first reports a tenant has ever had for a (directive, blocked host) group, a signal in itself:
 * a new third-party host in {@code script-src} violations is how injected scripts first show up.
 *
 * @param windowStart     start of the first bucket with reports for the group
 * @param windowEnd       end of the evaluation window
 * @param observed        reports for the group in the window
 * @param peak            largest count in one bucket
 * @param distinctClients largest distinct-client count in one bucket, when the series tracks clients
 */
public record FirstSighting(
        SeriesKey key,
        Instant windowStart,
        Instant windowEnd,
        long observed,
        long peak,
        OptionalLong distinctClients,
        SecuritySeverity severity,
        String explanation) implements Anomaly {

    public FirstSighting {
        Objects.requireNonNull(key, "key");
        if (key.group().isEmpty()) {
            throw new IllegalArgumentException("a first sighting needs a group key, got " + key);
        }
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(windowEnd, "windowEnd");
        Objects.requireNonNull(distinctClients, "distinctClients");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(explanation, "explanation");
    }

    @Override
    public AnomalyKind kind() {
        return AnomalyKind.FIRST_SIGHTING;
    }
}
