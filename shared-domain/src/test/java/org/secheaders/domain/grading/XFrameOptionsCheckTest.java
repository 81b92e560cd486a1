package org.secheaders.domain.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class XFrameOptionsCheckTest {
    private final XFrameOptionsCheck check = new XFrameOptionsCheck(new ContentSecurityPolicyCheck());

    private ObservatoryResult grade(ResponseHeaders headers) {
        return check.evaluate(ResponseEvidence.ofHeaders(headers)).result();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            DENY                       | x-frame-options-sameorigin-or-deny
            " sameorigin "             | x-frame-options-sameorigin-or-deny
            ALLOW-FROM https://a.com   | x-frame-options-allow-from-origin
            allow-fromx                | x-frame-options-allow-from-origin
            "SAMEORIGIN, SAMEORIGIN"   | x-frame-options-header-invalid
            whimsy                     | x-frame-options-header-invalid
            ""                         | x-frame-options-not-implemented
            """)
    void recognisesDenySameoriginAndAllowFrom(String value, String expected) {
        assertEquals(expected, grade(ResponseHeaders.of("X-Frame-Options", value)).code());
    }

    @Test
    void anyFrameAncestorsInTheCspSupersedesTheHeader() {
        assertEquals(ObservatoryResult.X_FRAME_OPTIONS_IMPLEMENTED_VIA_CSP, grade(ResponseHeaders.of(
                "X-Frame-Options", "whimsy", "Content-Security-Policy", "default-src *; frame-ancestors *")));
        assertEquals(ObservatoryResult.X_FRAME_OPTIONS_NOT_IMPLEMENTED, grade(ResponseHeaders.of(
                "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; default-src 'self'")),
                "an invalid CSP keeps none of its directives");
    }

    @Test
    void readsTheFirstValueWhenTheHeaderIsDeliveredAsAnArray() {
        ResponseHeaders array = new ResponseHeaders(List.of(new HeaderField("x-frame-options", "DENY"),
                new HeaderField("x-frame-options", "whimsy")));
        assertEquals(ObservatoryResult.X_FRAME_OPTIONS_SAMEORIGIN_OR_DENY, grade(array));
    }
}
