package org.secheaders.domain.policy;

/**
 * {@code Referrer-Policy}, strictest first, ranked by what leaves the origin: nothing, then nothing
 * cross-origin, then the origin only (never on a downgrade, then also on one), then full URLs.
 * The first four are what the HTTP Observatory calls private.
 */
public enum ReferrerPolicy implements RankedHeader {
    NO_REFERRER,
    SAME_ORIGIN,
    STRICT_ORIGIN,
    STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
    ORIGIN,
    ORIGIN_WHEN_CROSS_ORIGIN,
    NO_REFERRER_WHEN_DOWNGRADE,
    UNSAFE_URL;

    @Override
    public HeaderKind kind() {
        return HeaderKind.REFERRER_POLICY;
    }
}
