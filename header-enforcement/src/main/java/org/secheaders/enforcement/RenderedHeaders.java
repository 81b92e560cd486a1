package org.secheaders.enforcement;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.secheaders.domain.nonce.SecurityNonce;
import org.secheaders.domain.policy.HttpHeader;

/**
 * What one response gets.
 *
 * @param tenant          the tenant whose policy was applied; empty when the platform baseline was
 *                        (no tenant resolved, or one the policy source does not know)
 * @param headers         the header lines to set, in order, already carrying {@code nonce}
 * @param nonce           this response's nonce, for the page's script and style tags
 * @param nonceInHeaders  whether a header carries the nonce (then no shared cache may store the page)
 * @param headersToRemove header names to strip from the response; a case-insensitive set
 */
public record RenderedHeaders(
        Optional<TenantKey> tenant,
        List<HttpHeader> headers,
        SecurityNonce nonce,
        boolean nonceInHeaders,
        Set<String> headersToRemove) {

    /** The value of the first header named {@code name} (case-insensitive). */
    public Optional<String> value(String name) {
        for (HttpHeader header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                return Optional.of(header.value());
            }
        }
        return Optional.empty();
    }
}
