package org.secheaders.domain.grading;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of one Observatory test. Everything but {@code data} follows from {@code result};
 * the components are spelled out so the outcome serializes as the Observatory reports it.
 *
 * @param data what the test read, by name: the header value, or for CSP each directive's sources
 */
public record TestOutcome(
        ObservatoryTestName test,
        ObservatoryResult result,
        boolean pass,
        int scoreModifier,
        String description,
        String recommendation,
        Map<String, List<String>> data) implements TestEvaluation {

    public TestOutcome {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(data, "data");
        if (test != result.test() || pass != result.pass() || scoreModifier != result.modifier()
                || !result.description().equals(description)
                || !result.recommendation().equals(recommendation)) {
            throw new IllegalArgumentException("outcome does not match result " + result.code());
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        data.forEach((key, values) -> copy.put(key, List.copyOf(values)));
        data = Collections.unmodifiableMap(copy);
    }

    public static TestOutcome of(ObservatoryResult result, Map<String, List<String>> data) {
        return new TestOutcome(result.test(), result, result.pass(), result.modifier(),
                result.description(), result.recommendation(), data);
    }

    public static TestOutcome of(ObservatoryResult result) {
        return of(result, Map.of());
    }
}
