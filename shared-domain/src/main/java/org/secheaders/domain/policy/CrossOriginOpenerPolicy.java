package org.secheaders.domain.policy;

/**
 * {@code Cross-Origin-Opener-Policy}, strictest first. {@code same-origin} severs every
 * cross-origin opener, which breaks sign-in and payment pop-ups that talk back through
 * {@code window.opener}; {@code same-origin-allow-popups} keeps those working.
 */
public enum CrossOriginOpenerPolicy implements RankedHeader {
    SAME_ORIGIN,
    SAME_ORIGIN_ALLOW_POPUPS,
    NOOPENER_ALLOW_POPUPS,
    UNSAFE_NONE;

    @Override
    public HeaderKind kind() {
        return HeaderKind.CROSS_ORIGIN_OPENER_POLICY;
    }
}
