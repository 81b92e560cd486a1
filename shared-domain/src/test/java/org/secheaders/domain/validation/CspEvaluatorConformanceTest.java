package org.secheaders.domain.validation;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.secheaders.domain.csp.CspParser;
import org.secheaders.domain.csp.CspPolicy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Holds the validator against the CSP Evaluator's own test cases ({@code csp-evaluator-vectors.jsonl}
 * in the shared conformance folder, never copied into this repository). Each vector names the
 * Evaluator check ({@code fn}) and the findings it expects; the matching check here must report
 * the same multiset of (type id, severity, directive, value).
 */
class CspEvaluatorConformanceTest {

    private static final String VECTORS = "csp-evaluator-vectors.jsonl";
    private static final double REQUIRED_AGREEMENT = 0.95;

    @Test
    void agreesWithTheCspEvaluatorTestVectors() throws IOException {
        Optional<Path> conformance = conformanceDir();
        assumeTrue(conformance.isPresent(), "skipped: no " + VECTORS + " under the shared folder "
                + "(set -Dsecheaders.shared.dir=<path to shared> or place shared/ beside the repository)");
        Map<String, Function<JsonNode, List<CspFinding>>> runners = runners(bypasses(conformance.get()));

        Map<String, int[]> tally = new TreeMap<>();
        List<String> disagreements = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(conformance.get().resolve(VECTORS))) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode vector = json.readTree(line);
            String fn = vector.path("fn").asText();
            List<String> expected = sorted(vector.path("findings"));
            List<String> actual = runners.containsKey(fn)
                    ? runners.get(fn).apply(vector.path("input")).stream().map(CspEvaluatorConformanceTest::key).sorted().toList()
                    : List.of("<no check for " + fn + ">");
            int[] counts = tally.computeIfAbsent(fn, k -> new int[2]);
            counts[1]++;
            if (expected.equals(actual)) {
                counts[0]++;
            } else {
                disagreements.add(fn + " " + vector.path("input") + "\n    expected " + expected + "\n    actual   " + actual);
            }
        }

        int agreed = tally.values().stream().mapToInt(c -> c[0]).sum();
        int total = tally.values().stream().mapToInt(c -> c[1]).sum();
        String report = report(tally, agreed, total, disagreements);
        System.out.println(report);
        Path out = Path.of(System.getProperty("basedir", "."), "target", "conformance", "csp-evaluator.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);

        assertTrue(total > 0, "no vectors read");
        assertTrue(agreed >= REQUIRED_AGREEMENT * total, "agreement " + agreed + "/" + total + " is below 95%\n" + report);
    }

    private static AllowlistBypasses bypasses(Path conformance) throws IOException {
        try {
            return AllowlistBypasses.load(conformance);
        } catch (NoSuchFileException e) {
            return abort("skipped: the CSP Evaluator bypass lists (csp-evaluator-bypass-*.json) are missing: "
                    + e.getMessage());
        }
    }

    /** Each Evaluator check name mapped to the equivalent check here, applied to the vector's input. */
    private static Map<String, Function<JsonNode, List<CspFinding>>> runners(AllowlistBypasses bypasses) {
        Map<String, CspCheck> single = Map.ofEntries(
                Map.entry("checkUnknownDirective", new UnknownDirectiveCheck()),
                Map.entry("checkMissingSemicolon", new MissingSemicolonCheck()),
                Map.entry("checkInvalidKeyword", new InvalidKeywordCheck()),
                Map.entry("checkScriptUnsafeInline", new ScriptUnsafeInlineCheck()),
                Map.entry("checkScriptUnsafeEval", new ScriptUnsafeEvalCheck()),
                Map.entry("checkPlainUrlSchemes", new PlainUrlSchemesCheck()),
                Map.entry("checkWildcards", new WildcardCheck()),
                Map.entry("checkMissingDirectives", p -> Stream.of(new MissingObjectSrcCheck(),
                        new MissingScriptSrcCheck(), new MissingBaseUriCheck())
                        .flatMap(c -> c.check(p).stream()).toList()),
                Map.entry("checkScriptAllowlistBypass", new ScriptAllowlistBypassCheck(bypasses)),
                Map.entry("checkFlashObjectAllowlistBypass", new FlashObjectAllowlistBypassCheck(bypasses)),
                Map.entry("checkIpSource", new IpSourceCheck()),
                Map.entry("checkDeprecatedDirective", new DeprecatedDirectiveCheck()),
                Map.entry("checkNonceLength", new NonceLengthCheck()),
                Map.entry("checkSrcHttp", new SrcHttpCheck()),
                Map.entry("checkHasConfiguredReporting", new ReportingDestinationCheck()),
                Map.entry("checkStrictDynamic", new StrictDynamicCheck()),
                Map.entry("checkStrictDynamicNotStandalone", new StrictDynamicNotStandaloneCheck()),
                Map.entry("checkUnsafeInlineFallback", new UnsafeInlineFallbackCheck()),
                Map.entry("checkAllowlistFallback", new AllowlistFallbackCheck()));
        Map<String, Function<JsonNode, List<CspFinding>>> runners = new TreeMap<>();
        single.forEach((fn, check) -> runners.put(fn, input -> check.check(policy(input.asText()))));
        runners.put("evaluateForFailure", input -> MultiPolicyChecks.failures(policies(input)));
        runners.put("evaluateForWarnings", input -> MultiPolicyChecks.warnings(policies(input)));
        runners.put("evaluateForSyntaxErrors", input -> MultiPolicyChecks.syntaxErrors(policies(input)).stream()
                .flatMap(List::stream).toList());
        return runners;
    }

    private static CspPolicy policy(String serialized) {
        return CspParser.parse(serialized).policy();
    }

    private static List<CspPolicy> policies(JsonNode input) {
        List<CspPolicy> policies = new ArrayList<>();
        input.forEach(p -> policies.add(policy(p.asText())));
        return policies;
    }

    private static String key(CspFinding f) {
        return f.type().id() + "/" + f.severity().level() + "/" + f.directive() + f.value().map(v -> "/" + v).orElse("");
    }

    private static List<String> sorted(JsonNode findings) {
        List<String> keys = new ArrayList<>();
        findings.forEach(f -> keys.add(f.path("type").asInt() + "/" + f.path("severity").asInt() + "/"
                + f.path("directive").asText() + (f.has("value") ? "/" + f.path("value").asText() : "")));
        return keys.stream().sorted().toList();
    }

    private static String report(Map<String, int[]> tally, int agreed, int total, List<String> disagreements) {
        StringBuilder out = new StringBuilder("CSP Evaluator conformance (" + VECTORS + ")\n");
        tally.forEach((fn, c) -> out.append(String.format("  %-34s %3d/%-3d%n", fn, c[0], c[1])));
        out.append(String.format("  %-34s %3d/%-3d (%.1f%%)%n", "overall", agreed, total, 100.0 * agreed / total));
        disagreements.forEach(d -> out.append("DISAGREES ").append(d).append('\n'));
        return out.toString();
    }

    private static Optional<Path> conformanceDir() {
        return Stream.of(System.getProperty("secheaders.shared.dir"), "../../shared", "../shared")
                .filter(Objects::nonNull)
                .map(dir -> Path.of(dir, "conformance"))
                .filter(dir -> Files.isRegularFile(dir.resolve(VECTORS)))
                .findFirst();
    }
}
