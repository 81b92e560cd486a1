package org.secheaders.domain.report;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class ReportParserProperties {
    private static final List<String> CONTENT_TYPES = List.of(ReportSamples.CSP_REPORT, ReportSamples.REPORTS_JSON,
            ReportSamples.JSON);

    private final ReportParser parser = new ReportParser();

    @Property(tries = 1000)
    void neverThrowsOnArbitraryBytes(@ForAll @Size(max = 2048) byte[] body, @ForAll("contentTypes") String type) {
        assertWellFormed(parser.parse(type, body));
    }

    @Property(tries = 1000)
    void neverThrowsOnArbitraryStrings(@ForAll @Size(max = 2048) String body, @ForAll("contentTypes") String type) {
        assertWellFormed(parser.parse(type, body.getBytes(StandardCharsets.UTF_8)));
    }

    @Property(tries = 1000)
    void neverThrowsOnJsonLikeTokenSoup(@ForAll("tokenSoup") String body) {
        assertWellFormed(parser.parse(ReportSamples.JSON, body.getBytes(StandardCharsets.UTF_8)));
    }

    @Property(tries = 1000)
    void neverThrowsOnMutatedRealReports(@ForAll("mutatedSamples") byte[] body) {
        assertWellFormed(parser.parse(ReportSamples.REPORTS_JSON, body));
    }

    private static void assertWellFormed(ParseResult result) {
        assertNotNull(result);
        result.reports().forEach(Assertions::assertNotNull);
        // Every error is named, and echoes at most a capped, cleaned piece of the input.
        result.errors().forEach(error -> {
            assertNotNull(error.code());
            assertTrue(error.message().length() < 400, error.message());
        });
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.oneOf(Arbitraries.of(CONTENT_TYPES), Arbitraries.strings().ofMaxLength(40).injectNull(0.05));
    }

    /** JSON punctuation, report keys and odd values in random order: reaches the shape and field checks. */
    @Provide
    Arbitrary<String> tokenSoup() {
        Arbitrary<String> token = Arbitraries.of("[", "]", "{", "}", ",", ":", "\"csp-report\"", "\"type\"",
                "\"csp-violation\"", "\"body\"", "\"document-uri\"", "\"documentURL\"", "\"effectiveDirective\"",
                "\"line-number\"", "\"blockedURL\"", "\"url\"", "\"age\"", "null", "true", "-1", "1e999", "0.5",
                "99999999999999999999", "\"\"", "\"https://a.example/?q#f\"", "\"12\"", "\"\\ud800\"");
        return token.list().ofMaxSize(60).map(tokens -> String.join("", tokens));
    }

    @Provide
    Arbitrary<byte[]> mutatedSamples() {
        return ReportArbitraries.mutatedSamples();
    }
}
