package org.secheaders.domain.anomaly;

import java.time.Instant;
import org.secheaders.domain.model.SecuritySeverity;

/** Something unusual in a tenant's report stream: a {@link RateAnomaly} or a {@link FirstSighting}. */
public sealed interface Anomaly permits RateAnomaly, FirstSighting {

    SeriesKey key();

    AnomalyKind kind();

    /** Start of the first bucket the anomaly covers. */
    Instant windowStart();

    /** End (exclusive) of the last bucket the anomaly covers. */
    Instant windowEnd();

    SecuritySeverity severity();

    /** One line a person can read without the other fields. */
    String explanation();
}
