package org.secheaders.domain.csp;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** One directive: a lower-case name and its ordered value tokens (empty for e.g. {@code upgrade-insecure-requests}). */
public record CspDirective(String name, List<SourceExpression> sources) {
    public CspDirective {
        name = name.toLowerCase(Locale.ROOT);
        sources = List.copyOf(sources);
    }

    public boolean contains(SourceExpression source) {
        return sources.contains(source);
    }

    public boolean contains(CspKeyword keyword) {
        return sources.contains(new SourceExpression.Keyword(keyword));
    }

    /** {@code name value value}, or just {@code name} when it has no value. */
    public String serialize() {
        if (sources.isEmpty()) {
            return name;
        }
        return name + " " + sources.stream().map(SourceExpression::serialize).collect(Collectors.joining(" "));
    }
}
