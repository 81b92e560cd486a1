package org.secheaders.domain.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.secheaders.domain.csp.CspDirective;
import org.secheaders.domain.csp.CspKeyword;
import org.secheaders.domain.csp.CspPolicy;

/**
 * Keywords with forgotten single quotes ({@code self}, {@code nonce-…}) and quoted tokens that are
 * no keyword, valid nonce or valid hash; Trusted Types directives have their own quoted keywords.
 */
final class InvalidKeywordCheck implements CspCheck {

    private static final Set<String> TRUSTED_TYPES_KEYWORDS = Set.of("'allow-duplicates'", "'none'");
    private static final String TRUSTED_TYPES_SINK = "'script'";

    @Override
    public List<CspFinding> check(CspPolicy policy) {
        List<CspFinding> findings = new ArrayList<>();
        for (CspDirective directive : policy.directives()) {
            for (String value : SourceValues.serialized(directive.sources())) {
                if (CspKeyword.looksLikeUnquotedKeyword(value)) {
                    findings.add(finding(directive.name(), value,
                            value + " looks like a keyword, nonce or hash missing its single quotes; browsers read it "
                                    + "as a host name.",
                            "Write it in single quotes: '" + value + "'."));
                } else if (value.startsWith("'") && !isValidQuoted(directive.name(), value)) {
                    findings.add(finding(directive.name(), value,
                            value + " is not a valid keyword, nonce or hash in " + directive.name()
                                    + "; browsers ignore it.",
                            "Use a CSP3 keyword, 'nonce-<base64>' or 'sha256-<base64>', or remove " + value + "."));
                }
            }
        }
        return findings;
    }

    private static boolean isValidQuoted(String directive, String value) {
        return switch (directive) {
            case "require-trusted-types-for" -> value.equalsIgnoreCase(TRUSTED_TYPES_SINK);
            case "trusted-types" -> TRUSTED_TYPES_KEYWORDS.contains(value);
            default -> CspKeyword.fromToken(value).isPresent()
                    || SourceValues.isStrictNonce(value) || SourceValues.isStrictHash(value);
        };
    }

    private static CspFinding finding(String directive, String value, String message, String fix) {
        return CspFinding.onValue(FindingType.INVALID_KEYWORD, FindingSeverity.SYNTAX, directive, value, message, fix);
    }
}
