package org.secheaders.domain.policy;

/** {@code X-Frame-Options}; {@code ALLOW-FROM} is obsolete (ignored by browsers) and not accepted. */
public enum FrameOptions implements RankedHeader {
    DENY, SAMEORIGIN;

    @Override
    public HeaderKind kind() {
        return HeaderKind.X_FRAME_OPTIONS;
    }
}
