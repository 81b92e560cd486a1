package org.secheaders.domain.policy;

import java.util.List;

/**
 * The typed value of one managed security header (all but the CSP headers, which are
 * {@link org.secheaders.domain.csp.CspPolicy} values). Values are parsed and validated once, when
 * a configuration is loaded or a tenant policy is resolved; rendering only serializes.
 */
public sealed interface SecurityHeader permits StrictTransportSecurity, RankedHeader, DictionaryHeader {

    HeaderKind kind();

    /** The canonical header value. */
    String value();

    /**
     * What makes this value weaker than {@code reference} (a value of the same kind): one token per
     * weakened aspect, the {@code token} of a {@code header:token} weakening grant. Empty when this
     * value is at least as strict.
     */
    List<String> weakerThan(SecurityHeader reference);
}
