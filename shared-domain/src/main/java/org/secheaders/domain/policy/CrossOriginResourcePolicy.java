package org.secheaders.domain.policy;

/**
 * {@code Cross-Origin-Resource-Policy}, strictest first. {@code same-origin} also stops sibling
 * subdomains (e.g. {@code www} loading from {@code static}) from embedding the resource;
 * {@code same-site} allows them.
 */
public enum CrossOriginResourcePolicy implements RankedHeader {
    SAME_ORIGIN,
    SAME_SITE,
    CROSS_ORIGIN;

    @Override
    public HeaderKind kind() {
        return HeaderKind.CROSS_ORIGIN_RESOURCE_POLICY;
    }
}
