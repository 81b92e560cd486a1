package org.secheaders.enforcement;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.secheaders.domain.nonce.SecurityNonce;
import org.secheaders.domain.policy.CompiledHeaderSet;
import org.secheaders.domain.policy.HeaderKind;
import org.secheaders.domain.policy.HeaderSet;
import org.secheaders.domain.policy.HttpHeader;
import org.secheaders.domain.policy.SecurityHeader;

/**
 * A resolved header set prepared once per tenant snapshot: compiled by the policy engine twice,
 * with and without the HTTPS-only headers, so no request filters a list.
 */
final class CompiledHeaders {
    private final CompiledHeaderSet secure;
    private final CompiledHeaderSet plain;
    private final boolean usesNonce;
    private final Set<String> headersToRemove;

    private CompiledHeaders(HeaderSet headerSet) {
        this.secure = headerSet.compile();
        this.plain = withoutHttpsOnlyHeaders(headerSet).compile();
        SecurityNonce probe = SecurityNonce.generate();
        this.usesNonce = secure.render(probe).stream().anyMatch(h -> h.value().contains(probe.value()));
        Set<String> removals = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        removals.addAll(headerSet.headersToRemove());
        this.headersToRemove = Collections.unmodifiableSet(removals);
    }

    static CompiledHeaders of(HeaderSet headerSet) {
        return new CompiledHeaders(headerSet);
    }

    /** The header lines for one response carrying {@code nonce}. */
    List<HttpHeader> render(SecurityNonce nonce, boolean secureRequest) {
        return (secureRequest ? secure : plain).render(nonce);
    }

    /** Whether any header carries the nonce (then the response must not be shared-cached). */
    boolean usesNonce() {
        return usesNonce;
    }

    /** A case-insensitive, unmodifiable set of header names to strip. */
    Set<String> headersToRemove() {
        return headersToRemove;
    }

    private static HeaderSet withoutHttpsOnlyHeaders(HeaderSet headerSet) {
        Map<HeaderKind, SecurityHeader> plainHeaders = new EnumMap<>(HeaderKind.class);
        headerSet.headers().forEach((kind, header) -> {
            if (!kind.httpsOnly()) {
                plainHeaders.put(kind, header);
            }
        });
        return new HeaderSet(headerSet.csp(), headerSet.cspReportOnly(), headerSet.nonceDirectives(),
                plainHeaders, headerSet.headersToRemove());
    }
}
