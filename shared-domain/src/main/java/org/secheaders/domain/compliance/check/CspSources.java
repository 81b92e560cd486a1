package org.secheaders.domain.compliance.check;

import java.util.List;
import java.util.Optional;

import org.secheaders.domain.csp.CspDirective;
import org.secheaders.domain.csp.CspKeyword;
import org.secheaders.domain.csp.SourceExpression;

/** Questions about a directive's sources that several CSP checks ask. */
final class CspSources {
    private CspSources() {
    }

    /** A bare scheme ({@code https:}) or a {@code *} host: any site qualifies. */
    static boolean isBroad(SourceExpression source) {
        return source instanceof SourceExpression.Scheme
                || (source instanceof SourceExpression.Host host && host.host().equals("*"));
    }

    /** No sources, or {@code 'none'} alone: the directive allows nothing. */
    static boolean allowsNothing(CspDirective directive) {
        return directive.sources().isEmpty()
                || directive.sources().equals(List.of(new SourceExpression.Keyword(CspKeyword.NONE)));
    }

    /** Present and without broad sources. */
    static boolean restrictive(Optional<CspDirective> directive) {
        return directive.isPresent() && directive.get().sources().stream().noneMatch(CspSources::isBroad);
    }

    static boolean hasNonceOrHash(CspDirective directive) {
        return directive.sources().stream()
                .anyMatch(s -> s instanceof SourceExpression.Nonce || s instanceof SourceExpression.Hash);
    }
}
