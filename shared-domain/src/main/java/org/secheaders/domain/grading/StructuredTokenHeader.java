package org.secheaders.domain.grading;

import java.util.List;
import java.util.Map;

/**
 * The shared rule of the COOP and COEP tests: the header must occur once and be a structured-field
 * token (parameters allowed) that names a known policy; quoted, upper-case or unknown values,
 * and repeated headers, are invalid.
 *
 * @param tokens what each known token grades as
 */
record StructuredTokenHeader(String name, Map<String, ObservatoryResult> tokens,
                             ObservatoryResult notImplemented, ObservatoryResult invalid) {

    TestOutcome evaluate(ResponseHeaders headers) {
        List<String> values = headers.values(name);
        if (values.size() > 1) {
            return TestOutcome.of(invalid, Map.of(name, values));
        }
        if (values.isEmpty() || values.get(0).isEmpty()) {
            return TestOutcome.of(notImplemented);
        }
        String value = JsText.trim(JsText.prefix(values.get(0), 1024));
        ObservatoryResult result = StructuredFieldToken.parse(value).map(tokens::get).orElse(invalid);
        return TestOutcome.of(result, Map.of(name, List.of(value)));
    }
}
