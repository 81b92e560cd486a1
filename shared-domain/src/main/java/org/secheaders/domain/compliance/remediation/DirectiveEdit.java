package org.secheaders.domain.compliance.remediation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.secheaders.domain.csp.CspDirective;
import org.secheaders.domain.csp.CspKeyword;
import org.secheaders.domain.csp.CspParser;
import org.secheaders.domain.csp.CspPolicy;
import org.secheaders.domain.csp.KnownDirective;
import org.secheaders.domain.csp.SourceExpression;

/** One change to one CSP directive: the unit a CSP patch is made of. */
public sealed interface DirectiveEdit {

    String directive();

    CspPolicy applyTo(CspPolicy policy);

    /** For reports, e.g. {@code object-src: set 'none'}. */
    String describe();

    /** Replace the directive's sources. */
    record Replace(String directive, List<String> tokens) implements DirectiveEdit {
        public Replace {
            Objects.requireNonNull(directive, "directive");
            tokens = List.copyOf(tokens);
        }

        @Override
        public CspPolicy applyTo(CspPolicy policy) {
            return policy.with(new CspDirective(directive, sources(directive, tokens)));
        }

        @Override
        public String describe() {
            return directive + ": set " + String.join(" ", tokens);
        }
    }

    /**
     * Add and remove tokens. A fetch directive that is absent starts from a copy of
     * {@code default-src} (secure_headers' append rule), so adding to it never loosens what
     * {@code default-src} allowed; {@code 'none'} is dropped when something is added next to it.
     */
    record Amend(String directive, List<String> add, List<String> remove) implements DirectiveEdit {
        public Amend {
            Objects.requireNonNull(directive, "directive");
            add = List.copyOf(add);
            remove = List.copyOf(remove);
        }

        @Override
        public CspPolicy applyTo(CspPolicy policy) {
            boolean fetch = KnownDirective.fromName(directive).map(KnownDirective::isFetch).orElse(false);
            Optional<CspDirective> start = policy.directive(directive)
                    .or(() -> fetch ? policy.directive("default-src") : Optional.empty());
            List<SourceExpression> kept = new ArrayList<>(start.map(CspDirective::sources).orElse(List.of()));
            List<SourceExpression> removed = sources(directive, remove);
            kept.removeIf(removed::contains);
            List<SourceExpression> added = sources(directive, add);
            if (!added.isEmpty()) {
                kept.remove(new SourceExpression.Keyword(CspKeyword.NONE));
            }
            added.stream().filter(s -> !kept.contains(s)).forEach(kept::add);
            return policy.with(new CspDirective(directive, kept));
        }

        @Override
        public String describe() {
            List<String> parts = new ArrayList<>();
            if (!add.isEmpty()) {
                parts.add("add " + String.join(" ", add));
            }
            if (!remove.isEmpty()) {
                parts.add("remove " + String.join(" ", remove));
            }
            return directive + ": " + String.join(", ", parts);
        }
    }

    /** Remove the directive (deprecated ones). */
    record Drop(String directive) implements DirectiveEdit {
        @Override
        public CspPolicy applyTo(CspPolicy policy) {
            return policy.without(directive);
        }

        @Override
        public String describe() {
            return directive + ": remove the directive";
        }
    }

    /** Tokens as the parser reads them in that directive, so they compare equal to parsed sources. */
    private static List<SourceExpression> sources(String directive, List<String> tokens) {
        if (tokens.isEmpty()) {
            return List.of();
        }
        return CspParser.parse(directive + " " + String.join(" ", tokens)).policy().sources(directive);
    }
}
