package org.secheaders.domain.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.secheaders.domain.csp.CspDirective;
import org.secheaders.domain.csp.CspParseFinding;
import org.secheaders.domain.csp.CspParseResult;
import org.secheaders.domain.csp.CspParser;
import org.secheaders.domain.csp.KnownDirective;
import org.secheaders.domain.csp.SourceExpression;

/**
 * Turns configured directive tokens (tenant rows, the platform file) into a {@link CspDirective}
 * with {@link CspParser}, keeping only what a browser would honour. Each token is checked to be one
 * printable-ASCII token first, so a value such as {@code "'self'; script-src *"} can never inject
 * a directive. Fixed nonces are refused: nonces are generated per response.
 */
final class CspIntake {
    private static final Pattern SINGLE_TOKEN = Pattern.compile("[!-+\\--:<-~]+");

    /** One refused token (or the directive name itself) and why. */
    record Rejected(String token, String reason) {
    }

    /** The accepted directive (empty when the name itself is refused) and the refused tokens. */
    record Parsed(Optional<CspDirective> directive, List<Rejected> rejected) {
    }

    private CspIntake() {
    }

    static Parsed directive(String name, List<String> tokens) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        if (KnownDirective.fromName(lower).isEmpty()) {
            return new Parsed(Optional.empty(), List.of(new Rejected(name, "'" + name + "' is not a CSP directive")));
        }
        List<Rejected> rejected = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        for (String token : tokens) {
            if (SINGLE_TOKEN.matcher(token).matches()) {
                candidates.add(token);
            } else {
                rejected.add(new Rejected(token, "'" + token
                        + "' is not a single source token (printable ASCII without spaces, ';' or ',')"));
            }
        }
        CspParseResult parsed = CspParser.parse(lower + " " + String.join(" ", candidates));
        Set<String> refusedTokens = new HashSet<>();
        for (CspParseFinding finding : parsed.findings()) {
            if (finding.value().isEmpty()) {
                return new Parsed(Optional.empty(), List.of(new Rejected(name, finding.message())));
            }
            refusedTokens.add(finding.value().get());
            rejected.add(new Rejected(finding.value().get(), finding.message()));
        }
        List<SourceExpression> sources = parsed.policy().sources(lower);
        List<SourceExpression> accepted = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            SourceExpression source = sources.get(i);
            if (source instanceof SourceExpression.Nonce) {
                rejected.add(new Rejected(candidates.get(i), "a fixed nonce is public; the platform adds a fresh "
                        + "nonce per response to the directives it lists in nonceDirectives"));
            } else if (!refusedTokens.contains(candidates.get(i)) && !refusedTokens.contains(source.serialize())) {
                accepted.add(source);
            }
        }
        return new Parsed(Optional.of(new CspDirective(lower, accepted)), rejected);
    }
}
