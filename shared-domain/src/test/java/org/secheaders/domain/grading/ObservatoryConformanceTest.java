package org.secheaders.domain.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Holds the grader to the Observatory's own test suite: {@code observatory-vectors.jsonl} records,
 * for each of its 207 analyzer calls, the responses the test saw and the result code it gave.
 * The vectors are third-party data kept outside the repository; without them this test skips.
 */
class ObservatoryConformanceTest {
    private static final String VECTORS = "conformance/observatory-vectors.jsonl";
    /** Tests decided by response headers alone: every vector of theirs must be evaluated. */
    private static final Set<ObservatoryTestName> HEADER_ONLY = EnumSet.of(
            ObservatoryTestName.CONTENT_SECURITY_POLICY, ObservatoryTestName.STRICT_TRANSPORT_SECURITY,
            ObservatoryTestName.X_FRAME_OPTIONS, ObservatoryTestName.X_CONTENT_TYPE_OPTIONS,
            ObservatoryTestName.REFERRER_POLICY, ObservatoryTestName.CROSS_ORIGIN_OPENER_POLICY,
            ObservatoryTestName.CROSS_ORIGIN_EMBEDDER_POLICY, ObservatoryTestName.CROSS_ORIGIN_RESOURCE_POLICY);
    private static final double FLOOR = 0.95;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<ObservatoryTestName, ObservatoryCheck> checks = new ObservatoryGrader().checks().stream()
            .collect(Collectors.toMap(ObservatoryCheck::name, Function.identity(),
                    (a, b) -> a, () -> new EnumMap<>(ObservatoryTestName.class)));

    @Test
    void agreesWithTheObservatoryOnItsOwnTestVectors() throws IOException {
        Optional<Path> vectors = sharedDirectory().map(dir -> dir.resolve(VECTORS)).filter(Files::isRegularFile);
        Assumptions.assumeTrue(vectors.isPresent(), "Observatory vectors not found: set -Dsecheaders.shared.dir "
                + "to the folder holding " + VECTORS + " (looked in ../shared and ../../shared too); skipping");

        Map<ObservatoryTestName, Tally> tallies = new EnumMap<>(ObservatoryTestName.class);
        List<String> disagreements = new ArrayList<>();
        List<String> lines = Files.readAllLines(vectors.get(), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            JsonNode vector = JSON.readTree(lines.get(i));
            ObservatoryTestName test = testName(vector.get("test").asText());
            Tally tally = tallies.computeIfAbsent(test, t -> new Tally());
            TestEvaluation evaluation = checks.get(test).evaluate(evidence(vector));
            String expectedCode = vector.get("result").asText();
            assertTrue(ObservatoryResult.fromCode(expectedCode).isPresent(), "unknown result code " + expectedCode);
            if (evaluation instanceof TestOutcome outcome) {
                String expected = expectedCode + " pass=" + vector.get("pass").asBoolean();
                String actual = outcome.result().code() + " pass=" + outcome.pass();
                if (expected.equals(actual)) {
                    tally.agreed++;
                } else {
                    disagreements.add("line " + (i + 1) + " " + test.wireName() + ": expected " + expected
                            + ", got " + actual);
                }
            } else {
                tally.outOfScope++;
            }
            tally.total++;
        }

        String table = table(vectors.get(), tallies, disagreements);
        System.out.print(table);
        Path report = Path.of("target", "conformance", "observatory.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, table, StandardCharsets.UTF_8);

        Tally headerOnly = sum(tallies, HEADER_ONLY);
        Tally all = sum(tallies, EnumSet.allOf(ObservatoryTestName.class));
        assertEquals(0, headerOnly.outOfScope, "every header-only vector must be evaluated");
        assertTrue(headerOnly.total > 0, "no header-only vectors in " + vectors.get());
        assertTrue(headerOnly.agreement() >= FLOOR, "header-only agreement below 95%:\n" + table);
        assertTrue(all.agreement() >= FLOOR, "agreement on evaluated vectors below 95%:\n" + table);
    }

    private static ResponseEvidence evidence(JsonNode vector) {
        HttpsProbe https = vector.get("httpsNull").asBoolean()
                ? new HttpsProbe.Unreachable()
                : new HttpsProbe.Reached(headers(vector.get("https")), vector.get("httpsVerified").asBoolean());
        // The vectors record whether http:// answered, not the route it took.
        HttpProbe http = vector.get("http").isNull() ? new HttpProbe.Unreachable() : new HttpProbe.NotProbed();
        return ResponseEvidence.ofHeaders(headers(vector.get("auto")))
                .withHttpEquiv(headers(vector.get("httpEquiv")))
                .withHttps(https)
                .withHttp(http)
                .withHostname(vector.get("site").asText());
    }

    /**
     * A JSON object of header name to the value the Observatory's test saw: a string, or an array
     * of strings (delivered as an array, which some tests read whole and others by first element).
     */
    private static ResponseHeaders headers(JsonNode object) {
        List<HeaderField> delivered = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            JsonNode value = field.getValue();
            if (value.isArray()) {
                value.forEach(element -> delivered.add(new HeaderField(field.getKey(), element.asText())));
            } else {
                delivered.add(new HeaderField(field.getKey(), value.asText()));
            }
        }
        return new ResponseHeaders(delivered);
    }

    /** {@code contentSecurityPolicyTest} → {@code CONTENT_SECURITY_POLICY}. */
    private static ObservatoryTestName testName(String vectorTest) {
        String words = vectorTest.replaceAll("Test$", "").replaceAll("([a-z])([A-Z])", "$1_$2");
        return ObservatoryTestName.valueOf(words.toUpperCase(Locale.ROOT));
    }

    static Optional<Path> sharedDirectory() {
        return Stream.of(Optional.ofNullable(System.getProperty("secheaders.shared.dir")).map(Path::of),
                        Optional.of(Path.of("..", "..", "shared")), Optional.of(Path.of("..", "shared")))
                .flatMap(Optional::stream)
                .filter(Files::isDirectory)
                .findFirst();
    }

    private static String table(Path vectors, Map<ObservatoryTestName, Tally> tallies, List<String> disagreements) {
        StringBuilder out = new StringBuilder();
        out.append("Observatory conformance: ").append(vectors.toAbsolutePath().normalize()).append('\n');
        out.append(String.format("%-32s %7s %6s %13s %10s%n", "test", "agreed", "total", "out-of-scope", "agreement"));
        for (ObservatoryTestName test : ObservatoryTestName.values()) {
            Tally tally = tallies.getOrDefault(test, new Tally());
            out.append(row(test.wireName() + (HEADER_ONLY.contains(test) ? "" : " *"), tally));
        }
        out.append(row("header-only tests", sum(tallies, HEADER_ONLY)));
        out.append(row("all tests", sum(tallies, EnumSet.allOf(ObservatoryTestName.class))));
        out.append("* needs more than headers; evaluated where the vector carries enough to decide\n");
        out.append("agreement = agreed / (total - out-of-scope); agreed = same result code and same pass\n");
        disagreements.forEach(line -> out.append("DISAGREES ").append(line).append('\n'));
        return out.toString();
    }

    private static String row(String label, Tally tally) {
        String agreement = tally.total == tally.outOfScope ? "-" : String.format("%.1f%%", 100 * tally.agreement());
        return String.format("%-32s %7d %6d %13d %10s%n", label, tally.agreed, tally.total, tally.outOfScope, agreement);
    }

    private static Tally sum(Map<ObservatoryTestName, Tally> tallies, Set<ObservatoryTestName> tests) {
        Tally sum = new Tally();
        tests.stream().map(tallies::get).filter(t -> t != null).forEach(t -> {
            sum.agreed += t.agreed;
            sum.total += t.total;
            sum.outOfScope += t.outOfScope;
        });
        return sum;
    }

    private static final class Tally {
        private int agreed;
        private int total;
        private int outOfScope;

        private double agreement() {
            int evaluated = total - outOfScope;
            return evaluated == 0 ? 1.0 : (double) agreed / evaluated;
        }
    }
}
