package org.secheaders.domain.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CrossOriginEmbedderPolicyCheckTest {
    private final CrossOriginEmbedderPolicyCheck check = new CrossOriginEmbedderPolicyCheck();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            require-corp                          | coep-implemented-with-require-corp
            credentialless; report-to="e"         | coep-implemented-with-credentialless
            unsafe-none                           | coep-implemented-with-unsafe-none
            REQUIRE-CORP                          | coep-header-invalid
            "require-corp"                        | coep-header-invalid
            same-origin                           | coep-header-invalid
            ''                                    | coep-not-implemented
            """)
    void acceptsOneLowerCaseTokenWithParameters(String value, String expected) {
        assertEquals(expected, check.evaluate(ResponseEvidence.ofHeaders(
                ResponseHeaders.of("Cross-Origin-Embedder-Policy", value))).result().code());
    }
}
