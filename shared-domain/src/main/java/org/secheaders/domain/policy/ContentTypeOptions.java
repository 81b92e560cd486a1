package org.secheaders.domain.policy;

/** {@code X-Content-Type-Options}: {@code nosniff} is its only defined value. */
public enum ContentTypeOptions implements RankedHeader {
    NOSNIFF;

    @Override
    public HeaderKind kind() {
        return HeaderKind.X_CONTENT_TYPE_OPTIONS;
    }
}
