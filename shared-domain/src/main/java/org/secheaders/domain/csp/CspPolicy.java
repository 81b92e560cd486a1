package org.secheaders.domain.csp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A parsed Content Security Policy: directives in their declared order, each name at most once
 * (the parser keeps the first occurrence of a repeated directive, as browsers do, and reports
 * the repeat as a finding). Immutable; the {@code with}/{@code without} methods return copies.
 */
public record CspPolicy(List<CspDirective> directives) {
    public CspPolicy {
        directives = List.copyOf(directives);
    }

    public static CspPolicy empty() {
        return new CspPolicy(List.of());
    }

    public Optional<CspDirective> directive(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return directives.stream().filter(d -> d.name().equals(lower)).findFirst();
    }

    /** The directive's sources, or an empty list when the directive is absent. */
    public List<SourceExpression> sources(String name) {
        return directive(name).map(CspDirective::sources).orElse(List.of());
    }

    public boolean has(String name) {
        return directive(name).isPresent();
    }

    /** Replaces the directive of the same name in place, or appends it. */
    public CspPolicy with(CspDirective directive) {
        List<CspDirective> copy = new ArrayList<>(directives);
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i).name().equals(directive.name())) {
                copy.set(i, directive);
                return new CspPolicy(copy);
            }
        }
        copy.add(directive);
        return new CspPolicy(copy);
    }

    public CspPolicy without(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return new CspPolicy(directives.stream().filter(d -> !d.name().equals(lower)).toList());
    }

    /** Canonical header value: directives joined by {@code "; "}, in order. */
    public String serialize() {
        return directives.stream().map(CspDirective::serialize).collect(Collectors.joining("; "));
    }
}
