package org.secheaders.domain.grading;

import static org.secheaders.domain.grading.ObservatoryResult.CSP_HEADER_INVALID;
import static org.secheaders.domain.grading.ObservatoryResult.CSP_IMPLEMENTED_BUT_DUPLICATE_DIRECTIVES;
import static org.secheaders.domain.grading.ObservatoryResult.CSP_IMPLEMENTED_WITH_INSECURE_SCHEME;
import static org.secheaders.domain.grading.ObservatoryResult.CSP_IMPLEMENTED_WITH_INSECURE_SCHEME_IN_PASSIVE_CONTENT_ONLY;
import static org.secheaders.domain.grading.ObservatoryResult.CSP_IMPLEMENTED_WITH_NO_UNSAFE;
import static org.secheaders.domain.grading.ObservatoryResult.CSP_IMPLEMENTED_WITH_NO_UNSAFE_DEFAULT_SRC_NONE;
import static org.secheaders.domain.grading.ObservatoryResult.CSP_IMPLEMENTED_WITH_UNSAFE_EVAL;
import static org.secheaders.domain.grading.ObservatoryResult.CSP_IMPLEMENTED_WITH_UNSAFE_INLINE;
import static org.secheaders.domain.grading.ObservatoryResult.CSP_IMPLEMENTED_WITH_UNSAFE_INLINE_IN_STYLE_SRC_ONLY;
import static org.secheaders.domain.grading.ObservatoryResult.CSP_NOT_IMPLEMENTED;
import static org.secheaders.domain.grading.ObservatoryResult.CSP_NOT_IMPLEMENTED_BUT_REPORTING_ENABLED;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code content-security-policy}: header policies (each value split on {@code ","}) plus
 * {@code <meta http-equiv>} policies, parsed by {@link ObservatoryCspParser}, then judged by the
 * first rule that fires, in the Observatory's order.
 *
 * <p>Known gap, kept for fidelity: {@code script-src-elem}/{@code -attr} and their style
 * counterparts are not looked at (Observatory issue #338).
 */
public final class ContentSecurityPolicyCheck implements ObservatoryCheck {
    private static final String HEADER = "content-security-policy";
    private static final String REPORT_ONLY_HEADER = "content-security-policy-report-only";

    private static final Set<String> DANGEROUSLY_BROAD = Set.of(
            "ftp:", "http:", "https:", "*", "http://*", "http://*.*", "https://*", "https://*.*");
    private static final Set<String> UNSAFE_INLINE = Set.of("'unsafe-inline'", "data:");
    private static final List<String> PASSIVE_DIRECTIVES = List.of("img-src", "media-src");
    private static final List<String> NONCE_AND_HASH_PREFIXES = List.of("'sha256-", "'sha384-", "'sha512-", "'nonce-");
    private static final List<String> INSECURE_SCHEMES = List.of("http:", "ftp:");

    @Override
    public ObservatoryTestName name() {
        return ObservatoryTestName.CONTENT_SECURITY_POLICY;
    }

    @Override
    public TestOutcome evaluate(ResponseEvidence evidence) {
        List<String> headerPolicies = splitPolicies(evidence.headers().values(HEADER));
        List<String> metaPolicies = splitPolicies(evidence.httpEquiv().values(HEADER));
        List<String> allPolicies = Stream.concat(headerPolicies.stream(), metaPolicies.stream()).toList();

        Optional<ParsedCsp> parsed = ObservatoryCspParser.parse(allPolicies);
        if (parsed.isEmpty()) {
            return TestOutcome.of(CSP_HEADER_INVALID);
        }
        // A meta policy made only of header-only directives is no policy at all.
        int enforced = ObservatoryCspParser.parse(headerPolicies).orElseGet(ParsedCsp::empty).size()
                + ObservatoryCspParser.parseMeta(metaPolicies).orElseGet(ParsedCsp::empty).size();
        if (enforced == 0) {
            boolean reporting = evidence.headers().isSet(REPORT_ONLY_HEADER);
            return TestOutcome.of(reporting ? CSP_NOT_IMPLEMENTED_BUT_REPORTING_ENABLED : CSP_NOT_IMPLEMENTED);
        }
        ParsedCsp csp = parsed.get();
        ObservatoryResult result = judge(csp.directives(), evidence.fetchedOverHttps());
        if (result.pass() && !csp.duplicateWarnings().isEmpty()) {
            result = CSP_IMPLEMENTED_BUT_DUPLICATE_DIRECTIVES;
        }
        return TestOutcome.of(result, sortedSources(csp.directives()));
    }

    /**
     * The rules of {@code csp.js}. The effective source sets are the parsed sets themselves, so
     * removing {@code 'unsafe-inline'} from a {@code script-src} that fell back to
     * {@code default-src} removes it for {@code style-src} and {@code object-src} too, exactly
     * as in the Observatory.
     */
    private static ObservatoryResult judge(Map<String, Set<String>> csp, boolean overHttps) {
        Set<String> objectSrc = effective(csp, "object-src");
        Set<String> scriptSrc = effective(csp, "script-src");
        Set<String> styleSrc = effective(csp, "style-src");

        for (Set<String> sources : List.of(scriptSrc, styleSrc)) {
            if (hasNonceOrHash(sources)) {
                sources.remove("'unsafe-inline'");
            }
        }
        if (scriptSrc.contains("'strict-dynamic'")) {
            if (!hasNonceOrHash(scriptSrc)) {
                return CSP_HEADER_INVALID;
            }
            // strict-dynamic makes browsers ignore allowlists, 'self' and 'unsafe-inline'.
            scriptSrc.removeIf(source -> source.equals("'self'") || source.equals("'unsafe-inline'")
                    || DANGEROUSLY_BROAD.stream().anyMatch(source::startsWith));
        }

        List<String> activeSources = new ArrayList<>();
        csp.forEach((directive, sources) -> {
            if (!PASSIVE_DIRECTIVES.contains(directive) && !directive.equals("script-src")) {
                activeSources.addAll(sources);
            }
        });
        activeSources.addAll(scriptSrc);
        List<String> passiveSources = new ArrayList<>();
        for (String directive : PASSIVE_DIRECTIVES) {
            passiveSources.addAll(csp.getOrDefault(directive, csp.getOrDefault("default-src", Set.of())));
        }

        if (anyBroadOrInline(scriptSrc) || objectSrc.stream().anyMatch(DANGEROUSLY_BROAD::contains)) {
            return CSP_IMPLEMENTED_WITH_UNSAFE_INLINE;
        } else if (overHttps && anyInsecure(activeSources)) {
            return CSP_IMPLEMENTED_WITH_INSECURE_SCHEME;
        } else if (scriptSrc.contains("'unsafe-eval'") || styleSrc.contains("'unsafe-eval'")) {
            return CSP_IMPLEMENTED_WITH_UNSAFE_EVAL;
        } else if (overHttps && anyInsecure(passiveSources)) {
            return CSP_IMPLEMENTED_WITH_INSECURE_SCHEME_IN_PASSIVE_CONTENT_ONLY;
        } else if (anyBroadOrInline(styleSrc)) {
            return CSP_IMPLEMENTED_WITH_UNSAFE_INLINE_IN_STYLE_SRC_ONLY;
        }
        Set<String> defaultSrc = csp.getOrDefault("default-src", Set.of());
        return defaultSrc.size() == 1 && defaultSrc.contains("'none'")
                ? CSP_IMPLEMENTED_WITH_NO_UNSAFE_DEFAULT_SRC_NONE
                : CSP_IMPLEMENTED_WITH_NO_UNSAFE;
    }

    /** The directive, else {@code default-src}, else a fresh {@code *} (no restriction). */
    private static Set<String> effective(Map<String, Set<String>> csp, String directive) {
        Set<String> sources = csp.containsKey(directive) ? csp.get(directive) : csp.get("default-src");
        return sources != null ? sources : new LinkedHashSet<>(Set.of("*"));
    }

    /** Each value may carry several policies: commas separate policies and never occur inside one. */
    private static List<String> splitPolicies(List<String> values) {
        return values.stream().flatMap(value -> JsText.split(value, ',').stream()).map(JsText::trim).toList();
    }

    private static boolean hasNonceOrHash(Set<String> sources) {
        return sources.stream().anyMatch(source -> NONCE_AND_HASH_PREFIXES.stream().anyMatch(source::startsWith));
    }

    private static boolean anyBroadOrInline(Set<String> sources) {
        return sources.stream().anyMatch(source -> DANGEROUSLY_BROAD.contains(source) || UNSAFE_INLINE.contains(source));
    }

    private static boolean anyInsecure(List<String> sources) {
        return sources.stream().anyMatch(source -> INSECURE_SCHEMES.stream().anyMatch(source::startsWith));
    }

    private static Map<String, List<String>> sortedSources(Map<String, Set<String>> csp) {
        Map<String, List<String>> data = new LinkedHashMap<>();
        csp.forEach((directive, sources) -> data.put(directive, sources.stream().sorted().toList()));
        return data;
    }
}
