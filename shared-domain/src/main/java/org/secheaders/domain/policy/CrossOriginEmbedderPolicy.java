package org.secheaders.domain.policy;

/**
 * {@code Cross-Origin-Embedder-Policy}, strictest first. {@code require-corp} blocks every
 * cross-origin no-cors subresource (CDN images, fonts, third-party scripts, iframes) that does not
 * opt in with CORP or CORS; {@code credentialless} loads those without cookies instead, so only
 * resources that need the user's credentials break.
 */
public enum CrossOriginEmbedderPolicy implements RankedHeader {
    REQUIRE_CORP,
    CREDENTIALLESS,
    UNSAFE_NONE;

    @Override
    public HeaderKind kind() {
        return HeaderKind.CROSS_ORIGIN_EMBEDDER_POLICY;
    }
}
