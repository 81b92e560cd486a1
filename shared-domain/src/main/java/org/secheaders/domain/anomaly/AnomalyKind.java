package org.secheaders.domain.anomaly;

import org.secheaders.domain.model.WireEnums;

/**
 * What kind of departure from the baseline an anomaly is.
 *
 * <p>Drops are reported because, for violation reports, a fall well below a busy series' baseline
 * usually means the reports stopped rather than the attacks: the CSP or its reporting directive was
 * removed by a deploy, or the collector stopped receiving. Either is worth a look.
 */
public enum AnomalyKind {
    /** Above the band for at least N consecutive buckets but shorter than the sustained threshold. */
    SPIKE,
    /** Above the band for at least the configured sustained duration. */
    SUSTAINED_RISE,
    /** Below the band for at least N consecutive buckets, on a series whose expected level is above the floor. */
    DROP,
    /** A (directive, blocked host) group reported for the first time for this tenant. */
    FIRST_SIGHTING;

    /** The lower-case wire name, e.g. {@code "sustained_rise"}. */
    public String wireName() {
        return WireEnums.wireName(this);
    }

    public static AnomalyKind fromWire(String value) {
        return WireEnums.parse(AnomalyKind.class, value, "kind");
    }
}
