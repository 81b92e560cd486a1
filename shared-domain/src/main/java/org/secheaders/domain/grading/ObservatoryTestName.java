package org.secheaders.domain.grading;

/** The twelve tests of the MDN HTTP Observatory, in the order it runs them. */
public enum ObservatoryTestName {
    CONTENT_SECURITY_POLICY("content-security-policy"),
    COOKIES("cookies"),
    CROSS_ORIGIN_EMBEDDER_POLICY("cross-origin-embedder-policy"),
    CROSS_ORIGIN_OPENER_POLICY("cross-origin-opener-policy"),
    CROSS_ORIGIN_RESOURCE_SHARING("cross-origin-resource-sharing"),
    REDIRECTION("redirection"),
    REFERRER_POLICY("referrer-policy"),
    STRICT_TRANSPORT_SECURITY("strict-transport-security"),
    SUBRESOURCE_INTEGRITY("subresource-integrity"),
    X_CONTENT_TYPE_OPTIONS("x-content-type-options"),
    X_FRAME_OPTIONS("x-frame-options"),
    CROSS_ORIGIN_RESOURCE_POLICY("cross-origin-resource-policy");

    private final String wireName;

    ObservatoryTestName(String wireName) {
        this.wireName = wireName;
    }

    /** The Observatory's own name for the test, e.g. {@code x-frame-options}. */
    public String wireName() {
        return wireName;
    }
}
