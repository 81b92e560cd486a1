package org.secheaders.domain.report;

import org.secheaders.domain.model.ViolationType;
import static org.secheaders.domain.model.ThreatClassification.FALSE_POSITIVE;
import static org.secheaders.domain.model.ThreatClassification.MALICIOUS;
import static org.secheaders.domain.model.ThreatClassification.SUSPICIOUS;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rule set v1, from the design notes §3. Order is the contract: noise first (a known extension is noise
 * even when its sample looks like an attack), then malicious, then suspicious and benign patterns.
 * docs/CSP_REPORTS.md carries the same table; RuleSetV1Test keeps the two in step.
 */
final class RuleSetV1 {
    static final String VERSION = "v1";

    private record Marker(String name, Pattern pattern) {
        static Marker of(String name, String regex) {
            return new Marker(name, Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
        }
    }

    /** Injection markers in a 40-char sample (design notes §3, "Rec regex set"). */
    private static final List<Marker> INJECTION_MARKERS = List.of(
            Marker.of("<script", "<script"),
            Marker.of("javascript:", "javascript:"),
            Marker.of("event-handler attribute", "<[a-z][^>]*\\son[a-z]+\\s*="),
            Marker.of("alert(", "alert\\s*\\("),
            Marker.of("prompt(", "prompt\\s*\\("),
            Marker.of("document.cookie", "document\\.cookie"),
            Marker.of("String.fromCharCode", "String\\.fromCharCode"),
            Marker.of("atob(", "atob\\s*\\("),
            Marker.of("eval(", "eval\\s*\\("),
            Marker.of("fetch/new Image with cookie or location", "(fetch\\s*\\(|new\\s+Image).*(cookie|location)"));
    private static final Pattern HTML_LIKE = Pattern.compile("<[a-z!/]", Pattern.CASE_INSENSITIVE);
    private static final Set<String> UNKNOWN_HOST_DIRECTIVES = Set.of("connect-src", "form-action");
    private static final Set<String> BENIGN_DATA_DIRECTIVES = Set.of("img-src", "font-src");
    private static final Set<String> SCRIPT_URL_SCHEMES = Set.of("data", "blob");

    private RuleSetV1() {
    }

    static RuleSet create() {
        List<ClassificationRule> rules = new ArrayList<>();
        for (NoiseCategory category : NoiseCategory.values()) {
            rules.add(new ClassificationRule(VERSION + ".noise." + category.id(), FALSE_POSITIVE, ViolationType.CSP,
                    "noise: " + category.description(), input -> noise(input, category)));
        }
        rules.add(new ClassificationRule("v1.malicious.injection-sample", MALICIOUS, ViolationType.XSS,
                "blocked inline code or eval whose sample contains an injection marker", RuleSetV1::injectionSample));
        rules.add(new ClassificationRule("v1.malicious.threat-host", MALICIOUS, ViolationType.CSP,
                "blocked URI or source file is on a threat list", RuleSetV1::threatHost));
        rules.add(new ClassificationRule("v1.malicious.base-uri", MALICIOUS, ViolationType.CSP,
                "a <base> element was injected (base-tag injection, nonce hijacking)", RuleSetV1::baseUri));
        rules.add(new ClassificationRule("v1.malicious.data-script", MALICIOUS, ViolationType.CSP,
                "script loaded from a data: or blob: URL", RuleSetV1::dataScript));
        rules.add(new ClassificationRule("v1.malicious.exfiltration", MALICIOUS, ViolationType.CSP,
                "request to an unknown host from a sensitive page (Magecart pattern)", RuleSetV1::exfiltration));
        rules.add(new ClassificationRule("v1.suspicious.frame-ancestors", SUSPICIOUS, ViolationType.CLICKJACKING,
                "the page was framed by a disallowed ancestor", RuleSetV1::frameAncestors));
        rules.add(new ClassificationRule("v1.suspicious.trusted-types-sink", SUSPICIOUS, ViolationType.XSS,
                "HTML reached a DOM XSS sink without a Trusted Type", RuleSetV1::trustedTypesSink));
        rules.add(new ClassificationRule("v1.fp.first-party-report-only", FALSE_POSITIVE, ViolationType.CSP,
                "a report-only policy blocked a first-party host: a gap in the policy being rolled out",
                RuleSetV1::firstPartyReportOnly));
        rules.add(new ClassificationRule("v1.suspicious.unknown-script-host", SUSPICIOUS, ViolationType.CSP,
                "script, connect or form target on a host unknown to the tenant", RuleSetV1::unknownScriptHost));
        rules.add(new ClassificationRule("v1.suspicious.first-party-eval", SUSPICIOUS, ViolationType.CSP,
                "eval from first-party code (often a library needing 'unsafe-eval')", RuleSetV1::firstPartyEval));
        rules.add(new ClassificationRule("v1.fp.data-image", FALSE_POSITIVE, ViolationType.CSP,
                "data: image or font, benign", RuleSetV1::dataImage));
        return new RuleSet(VERSION, rules);
    }

    private static Optional<String> noise(ClassificationInput input, NoiseCategory category) {
        return input.noise() instanceof NoiseVerdict.Noise n && n.category() == category
                ? Optional.of(n.ruleId() + " matched " + n.location().wireName())
                : Optional.empty();
    }

    private static Optional<String> injectionSample(ClassificationInput input) {
        Optional<BlockedKeyword> keyword = input.report().blockedKeyword()
                .filter(k -> k.isInlineLike() || k.isEvalLike() || k == BlockedKeyword.TRUSTED_TYPES_SINK);
        Optional<String> sample = input.sampleText();
        if (keyword.isEmpty() || sample.isEmpty()) {
            return Optional.empty();
        }
        for (Marker marker : INJECTION_MARKERS) {
            if (marker.pattern().matcher(sample.get()).find()) {
                return Optional.of(keyword.get().wireValue() + " sample contains " + marker.name());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> threatHost(ClassificationInput input) {
        UriPatternSet threats = input.context().threatHosts();
        Optional<String> blocked = input.report().blocked().uri()
                .flatMap(threats::match).map(p -> "blocked-uri matches threat pattern " + p.text());
        return blocked.or(() -> input.report().sourceFile()
                .flatMap(threats::match).map(p -> "source-file matches threat pattern " + p.text()));
    }

    private static Optional<String> baseUri(ClassificationInput input) {
        return input.report().directive().equals("base-uri")
                ? Optional.of("base-uri blocked " + input.report().blocked().value())
                : Optional.empty();
    }

    private static Optional<String> dataScript(ClassificationInput input) {
        return input.isScriptDirective()
                ? input.report().blocked().uri()
                        .filter(uri -> uri instanceof SanitizedUri.SchemeOnly && SCRIPT_URL_SCHEMES.contains(uri.scheme()))
                        .map(uri -> input.report().directive() + " blocked " + uri.value())
                : Optional.empty();
    }

    private static Optional<String> exfiltration(ClassificationInput input) {
        if (!input.isExfiltrationDirective() || !(input.report().document() instanceof SanitizedUri.Web page)) {
            return Optional.empty();
        }
        Optional<String> sensitive = input.context().sensitivePaths().stream()
                .filter(page.path()::startsWith).findFirst();
        return sensitive.flatMap(path -> input.report().blockedWeb()
                .filter(blocked -> !input.isKnown(blocked))
                .map(blocked -> input.report().directive() + " to unknown host " + blocked.hostName()
                        + " from sensitive path " + path));
    }

    private static Optional<String> frameAncestors(ClassificationInput input) {
        return input.report().directive().equals("frame-ancestors")
                ? Optional.of("frame-ancestors violation on " + input.report().document().value())
                : Optional.empty();
    }

    private static Optional<String> trustedTypesSink(ClassificationInput input) {
        boolean sink = input.report().blockedKeyword().filter(k -> k == BlockedKeyword.TRUSTED_TYPES_SINK).isPresent();
        return sink && input.sampleText().filter(s -> HTML_LIKE.matcher(s).find()).isPresent()
                ? Optional.of("HTML sample reached sink "
                        + input.report().sample().flatMap(Sample::sink).orElse("(unnamed)"))
                : Optional.empty();
    }

    private static Optional<String> firstPartyReportOnly(ClassificationInput input) {
        return input.report().disposition() == Disposition.REPORT
                ? input.report().blockedWeb().filter(input::isFirstParty)
                        .map(blocked -> "report-only " + input.report().directive() + " blocked first-party host "
                                + blocked.hostName())
                : Optional.empty();
    }

    private static Optional<String> unknownScriptHost(ClassificationInput input) {
        if (!input.isScriptDirective() && !UNKNOWN_HOST_DIRECTIVES.contains(input.report().directive())) {
            return Optional.empty();
        }
        return input.report().blockedWeb().filter(blocked -> !input.isKnown(blocked))
                .map(blocked -> input.report().directive() + " blocked unknown host " + blocked.hostName());
    }

    private static Optional<String> firstPartyEval(ClassificationInput input) {
        SanitizedUri code = input.codeLocation();
        return input.report().blockedKeyword().filter(BlockedKeyword::isEvalLike).isPresent() && input.isFirstParty(code)
                ? Optional.of(input.report().blocked().value() + " from first-party " + code.value())
                : Optional.empty();
    }

    private static Optional<String> dataImage(ClassificationInput input) {
        return BENIGN_DATA_DIRECTIVES.contains(input.report().directive())
                ? input.report().blocked().uri().filter(uri -> uri.scheme().equals("data")
                        && uri instanceof SanitizedUri.SchemeOnly)
                        .map(uri -> input.report().directive() + " blocked data:")
                : Optional.empty();
    }
}
