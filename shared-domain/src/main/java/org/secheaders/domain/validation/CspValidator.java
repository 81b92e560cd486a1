package org.secheaders.domain.validation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.secheaders.domain.csp.CspParseFinding;
import org.secheaders.domain.csp.CspParseResult;
import org.secheaders.domain.csp.CspParser;
import org.secheaders.domain.csp.CspPolicy;

/**
 * Reviews a Content Security Policy with the checks of Google's CSP Evaluator: the same finding
 * types, severities and effective-policy rules (CSP3), with this project's messages and fixes.
 * Immutable and thread-safe; build one and reuse it.
 */
public final class CspValidator {

    private static final List<CspCheck> STRICT_CHECKS = List.of(new StrictDynamicCheck(),
            new StrictDynamicNotStandaloneCheck(), new UnsafeInlineFallbackCheck(), new AllowlistFallbackCheck(),
            new RequireTrustedTypesCheck());
    private static final List<CspCheck> REPORTING_CHECKS = List.of(new ReportingDestinationCheck());

    private final AllowlistBypasses bypasses;
    private final Set<CheckFamily> families;
    private final List<CspCheck> defaultChecks;

    /** All check families, with the built-in bypass list. */
    public static CspValidator standard() {
        return new CspValidator(AllowlistBypasses.builtIn());
    }

    /** All check families. */
    public CspValidator(AllowlistBypasses bypasses) {
        this(bypasses, EnumSet.allOf(CheckFamily.class));
    }

    public CspValidator(AllowlistBypasses bypasses, Set<CheckFamily> families) {
        if (families.isEmpty()) {
            throw new IllegalArgumentException("a CspValidator needs at least one check family");
        }
        this.bypasses = Objects.requireNonNull(bypasses, "bypasses");
        this.families = Set.copyOf(families);
        // In the CSP Evaluator's DEFAULT_CHECKS order, so findings come out in the same order.
        this.defaultChecks = List.of(new ScriptUnsafeInlineCheck(), new ScriptUnsafeEvalCheck(),
                new PlainUrlSchemesCheck(), new WildcardCheck(), new MissingObjectSrcCheck(),
                new MissingScriptSrcCheck(), new MissingBaseUriCheck(), new ScriptAllowlistBypassCheck(bypasses),
                new FlashObjectAllowlistBypassCheck(bypasses), new IpSourceCheck(), new NonceLengthCheck(),
                new SrcHttpCheck(), new DeprecatedDirectiveCheck(), new UnknownDirectiveCheck(),
                new MissingSemicolonCheck(), new InvalidKeywordCheck());
    }

    /** A validator running only the given families, with the same bypass data. */
    public CspValidator withFamilies(Set<CheckFamily> selected) {
        return new CspValidator(bypasses, selected);
    }

    public Set<CheckFamily> families() {
        return families;
    }

    /**
     * Findings for a parsed policy. The default checks see the policy as a CSP3 browser enforces it
     * (entries it ignores are reported as {@link FindingType#IGNORED}); strict-CSP and reporting
     * checks see it as written, since they are about what older browsers do with it.
     */
    public List<CspFinding> validate(CspPolicy policy) {
        List<CspFinding> findings = new ArrayList<>();
        if (families.contains(CheckFamily.DEFAULT)) {
            EffectivePolicy effective = EffectivePolicy.of(policy);
            findings.addAll(effective.ignored());
            defaultChecks.forEach(c -> findings.addAll(c.check(effective.policy())));
        }
        if (families.contains(CheckFamily.STRICT)) {
            STRICT_CHECKS.forEach(c -> findings.addAll(c.check(policy)));
        }
        if (families.contains(CheckFamily.REPORTING)) {
            REPORTING_CHECKS.forEach(c -> findings.addAll(c.check(policy)));
        }
        return List.copyOf(findings);
    }

    /**
     * Parses one serialized policy and returns the parser's findings followed by the checks'. A
     * problem both the parser and a check report (an unquoted {@code self}) is listed once.
     */
    public List<CspFinding> validate(String policy) {
        CspParseResult parsed = CspParser.parse(policy);
        Map<FindingKey, CspFinding> unique = new LinkedHashMap<>();
        parsed.findings().stream().map(CspValidator::fromParser).forEach(f -> unique.putIfAbsent(FindingKey.of(f), f));
        validate(parsed.policy()).forEach(f -> unique.putIfAbsent(FindingKey.of(f), f));
        return List.copyOf(unique.values());
    }

    private record FindingKey(FindingType type, String directive, Optional<String> value) {
        static FindingKey of(CspFinding f) {
            return new FindingKey(f.type(), f.directive(), f.value());
        }
    }

    private static CspFinding fromParser(CspParseFinding f) {
        return switch (f.kind()) {
            case DUPLICATE_DIRECTIVE -> syntax(FindingType.DUPLICATE_DIRECTIVE, f,
                    "Merge the sources into the first '" + f.directive() + "' and delete the repeat.");
            case NON_ASCII_DIRECTIVE -> syntax(FindingType.NON_ASCII_DIRECTIVE, f,
                    "Rewrite the directive in ASCII; encode international host names as punycode.");
            case UNQUOTED_KEYWORD -> syntax(FindingType.INVALID_KEYWORD, f,
                    "Write it in single quotes: '" + f.value().orElse("") + "'.");
            case INVALID_KEYWORD -> syntax(FindingType.INVALID_KEYWORD, f,
                    "Use a CSP3 keyword, 'nonce-<base64>' or 'sha256-<base64>', or remove it.");
            case INVALID_SOURCE -> syntax(FindingType.INVALID_SOURCE_EXPRESSION, f,
                    "Write a scheme (https:), a host ([scheme://]host[:port][/path]) or a quoted keyword.");
            case NONE_WITH_OTHER_SOURCES -> syntax(FindingType.NONE_WITH_OTHER_SOURCES, f,
                    "Either keep 'none' alone, or remove it and keep the other sources.");
        };
    }

    private static CspFinding syntax(FindingType type, CspParseFinding f, String fix) {
        return new CspFinding(type, FindingSeverity.SYNTAX, f.directive(), f.value(), f.message(), fix);
    }
}
