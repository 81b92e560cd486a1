package org.secheaders.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secheaders.domain.report.ReportSamples.CSP_REPORT;
import static org.secheaders.domain.report.ReportSamples.JSON;
import static org.secheaders.domain.report.ReportSamples.REPORTS_JSON;
import static org.secheaders.domain.report.ReportSamples.bytes;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReportParserTest {
    private final ReportParser parser = new ReportParser();

    private CspViolationReport single(String contentType, String body) {
        return single(contentType, bytes(body));
    }

    private CspViolationReport single(String contentType, byte[] body) {
        ParseResult result = parser.parse(contentType, body);
        assertEquals(List.of(), result.errors());
        assertEquals(1, result.reports().size());
        return assertInstanceOf(CspViolationReport.class, result.reports().get(0));
    }

    private ReportError rejection(String contentType, byte[] body) {
        ParseResult result = parser.parse(contentType, body);
        assertTrue(result.isRejected(), () -> "expected a rejection, got " + result);
        assertEquals(1, result.errors().size());
        assertEquals(OptionalInt.empty(), result.errors().get(0).item());
        return result.errors().get(0);
    }

    @Test
    void readsRelaysRealChromeReportField() {
        CspViolationReport report = single(CSP_REPORT, ReportSamples.RELAY_REAL);

        assertEquals(ReportFormat.REPORT_URI, report.format());
        assertEquals("https://sentry.io/sentry/csp/issues/88513416/?query=is:unresolved", report.documentUri());
        assertEquals(Optional.of("http://baddomain.com/test.js?_=1515535030116"), report.blockedUri());
        assertEquals(Optional.of("script-src"), report.effectiveDirective());
        assertEquals(Optional.of("enforce"), report.disposition());
        assertEquals(OptionalInt.of(24), report.lineNumber());
        assertEquals(OptionalInt.of(66270), report.columnNumber());
        assertEquals(OptionalInt.of(0), report.statusCode());
        assertEquals(Optional.empty(), report.sample(), "an empty script-sample is absent");
        assertEquals(Optional.empty(), report.userAgent(), "report-uri reports carry no user agent");
        assertTrue(report.originalPolicy().orElseThrow().startsWith("default-src *;"));
    }

    @Test
    void readsOldFirefoxWithOnlyViolatedDirectiveAndNumbersAsStrings() {
        CspViolationReport report = single(CSP_REPORT, ReportSamples.FIREFOX_OLD);

        assertEquals(Optional.empty(), report.effectiveDirective());
        assertEquals("style-src", report.directive());
        assertEquals(OptionalInt.of(7), report.lineNumber());
        assertEquals(Optional.of("self"), report.blockedUri());
        assertEquals(Optional.empty(), report.referrer());
    }

    @Test
    void readsSafariReportWithoutDisposition() {
        CspViolationReport report = single(CSP_REPORT, ReportSamples.SAFARI_14);

        assertEquals(Optional.empty(), report.disposition());
        assertEquals(Optional.of("https://cdn.thirdparty.example"), report.blockedUri());
    }

    @Test
    void keepsAnEmptyBlockedUriBecauseOldBrowsersMeantInline() {
        CspViolationReport report = single(CSP_REPORT, ReportSamples.EMPTY_BLOCKED);

        assertEquals(Optional.of(""), report.blockedUri());
    }

    @Test
    void readsTheMdnReportingApiExample() {
        CspViolationReport report = single(REPORTS_JSON, ReportSamples.MDN_REPORT_TO);

        assertEquals(ReportFormat.REPORTING_API, report.format());
        assertEquals("https://example.com/csp-report", report.documentUri());
        assertEquals(Optional.of("inline"), report.blockedUri());
        assertEquals(Optional.of("script-src-elem"), report.effectiveDirective());
        assertEquals(Optional.of("console.log(\"lo\")"), report.sample());
        assertEquals(OptionalInt.of(121), report.lineNumber());
        assertEquals(OptionalInt.of(39), report.columnNumber());
        assertEquals(OptionalInt.of(200), report.statusCode());
        assertEquals(OptionalLong.of(53531), report.ageMillis());
        assertTrue(report.userAgent().orElseThrow().contains("Firefox/149.0"));
    }

    @Test
    void readsAChromiumBatchWithAnotherReportType() {
        ParseResult result = parser.parse(REPORTS_JSON, bytes(ReportSamples.CHROMIUM_BATCH));

        assertEquals(List.of(), result.errors());
        assertEquals(List.of("csp-violation", "csp-violation", "deprecation"),
                result.reports().stream().map(ParsedReport::type).toList());
        OtherReport deprecation = assertInstanceOf(OtherReport.class, result.reports().get(2));
        assertEquals("https://shop.example.com/", deprecation.url());
        assertEquals("{\"id\":\"UnloadHandler\",\"message\":\"Unload event listeners are deprecated\",\"sourceFile\":null}",
                deprecation.body());
    }

    @Test
    void keepsEveryOtherReportTypeAsOtherReport() {
        ParseResult result = parser.parse(REPORTS_JSON, bytes(ReportSamples.OTHER_TYPES));

        assertEquals(List.of(), result.errors());
        assertEquals(List.of("deprecation", "intervention", "crash", "coep", "coop", "permissions-policy-violation",
                "network-error", "integrity-violation", "csp-hash", "future-report-type"),
                result.reports().stream().map(ParsedReport::type).toList());
        assertTrue(result.reports().stream().allMatch(OtherReport.class::isInstance));
        assertEquals("{}", ((OtherReport) result.reports().get(9)).body());
    }

    @Test
    void acceptsApplicationJsonInEitherShapeAndASingleReportObject() {
        assertEquals(ReportFormat.REPORT_URI, single(JSON, ReportSamples.SAFARI_14).format());
        assertEquals(ReportFormat.REPORTING_API, single(JSON, ReportSamples.MDN_REPORT_TO).format());
        String object = ReportSamples.MDN_REPORT_TO.substring(1, ReportSamples.MDN_REPORT_TO.length() - 1);
        assertEquals(ReportFormat.REPORTING_API, single(JSON, object).format());
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/csp-report; charset=utf-8", "Application/CSP-Report", " application/json ;x=y"})
    void acceptsContentTypeParametersAndAnyCase(String contentType) {
        assertEquals(ReportFormat.REPORT_URI, single(contentType, ReportSamples.SAFARI_14).format());
    }

    @Test
    void acceptsSnakeCaseAndCamelCaseAliasesInEitherFormat() {
        CspViolationReport report = single(CSP_REPORT, """
                {"csp-report":{"document_uri":"https://a.example/","blockedURL":"eval","effective_directive":"script-src",\
                "line_number":3,"scriptSample":"x"}}""");

        assertEquals("https://a.example/", report.documentUri());
        assertEquals(Optional.of("eval"), report.blockedUri());
        assertEquals(OptionalInt.of(3), report.lineNumber());
        assertEquals(Optional.of("x"), report.sample());
    }

    @Test
    void treatsNullValuesAsAbsentAndIgnoresUnknownKeys() {
        CspViolationReport report = single(CSP_REPORT, """
                {"csp-report":{"document-uri":"https://a.example/","effective-directive":"img-src","source-file":null,\
                "line-number":null,"x-extra":{"deep":[1,2]}}}""");

        assertEquals(Optional.empty(), report.sourceFile());
        assertEquals(OptionalInt.empty(), report.lineNumber());
    }

    @Test
    void usesTheReportUrlWhenTheBodyHasNoDocumentUrl() {
        CspViolationReport report = single(REPORTS_JSON, """
                [{"type":"csp-violation","url":"https://a.example/p","body":{"effectiveDirective":"img-src","documentURL":""}}]""");

        assertEquals("https://a.example/p", report.documentUri());
    }

    @Test
    void rejectsUnsupportedOrMissingContentTypes() {
        assertEquals(ReportErrorCode.UNSUPPORTED_CONTENT_TYPE, rejection("text/html", bytes("{}")).code());
        assertEquals(ReportErrorCode.UNSUPPORTED_CONTENT_TYPE, rejection(null, bytes("{}")).code());
        assertEquals(ReportErrorCode.UNSUPPORTED_CONTENT_TYPE, rejection(" ", bytes("{}")).code());
    }

    @Test
    void rejectsEmptyAndWhitespaceBodies() {
        assertEquals(ReportErrorCode.EMPTY_BODY, rejection(CSP_REPORT, null).code());
        assertEquals(ReportErrorCode.EMPTY_BODY, rejection(CSP_REPORT, new byte[0]).code());
        assertEquals(ReportErrorCode.EMPTY_BODY, rejection(CSP_REPORT, bytes("  \n ")).code());
    }

    @Test
    void rejectsTruncatedJsonAtEveryCutPointWithoutThrowing() {
        String body = ReportSamples.CHROME_INLINE;
        for (int cut = 1; cut < body.length() - 1; cut++) {
            ParseResult result = parser.parse(CSP_REPORT, bytes(body.substring(0, cut)));
            assertTrue(result.isRejected(), "cut at " + cut);
        }
        ReportError error = rejection(CSP_REPORT, bytes(body.substring(0, body.length() / 2)));
        assertEquals(ReportErrorCode.MALFORMED_JSON, error.code());
    }

    @Test
    void rejectsTrailingContent() {
        assertEquals(ReportErrorCode.MALFORMED_JSON, rejection(JSON, bytes("[] []")).code());
    }

    @Test
    void decodesInvalidUtf8LenientlyAsReplacementCharacters() {
        byte[] body = bytes("{\"csp-report\":{\"document-uri\":\"https://a/X\",\"effective-directive\":\"img-src\"}}");
        int x = new String(body, java.nio.charset.StandardCharsets.UTF_8).indexOf('X');
        body[x] = (byte) 0xC3;

        assertEquals("https://a/\uFFFD", single(CSP_REPORT, body).documentUri());
    }

    @Test
    void rejectsNestedArraysTenThousandDeep() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        ReportError error = rejection(REPORTS_JSON, bytes(deep));

        assertEquals(ReportErrorCode.NESTING_TOO_DEEP, error.code());
        assertTrue(error.message().contains("16 levels"), error.message());
    }

    @Test
    void rejectsDeepNestingInsideAReportBody() {
        String body = "{\"csp-report\":{\"document-uri\":\"https://a/\",\"x\":" + "{\"a\":".repeat(30) + "1"
                + "}".repeat(30) + "}}";
        assertEquals(ReportErrorCode.NESTING_TOO_DEEP, rejection(CSP_REPORT, bytes(body)).code());
    }

    @Test
    void rejectsHugeStringsAndFieldNamesByLengthNotByMemory() {
        String longValue = "a".repeat(40_000);
        ReportError value = rejection(CSP_REPORT,
                bytes("{\"csp-report\":{\"document-uri\":\"" + longValue + "\"}}"));
        assertEquals(ReportErrorCode.FIELD_TOO_LONG, value.code());
        assertTrue(value.message().contains("40000"), value.message());

        ReportError name = rejection(CSP_REPORT, bytes("{\"" + longValue + "\":1}"));
        assertEquals(ReportErrorCode.FIELD_TOO_LONG, name.code());
    }

    @Test
    void rejectsHugeNumbers() {
        String body = "{\"csp-report\":{\"document-uri\":\"https://a/\",\"line-number\":" + "9".repeat(200) + "}}";
        assertEquals(ReportErrorCode.FIELD_TOO_LONG, rejection(CSP_REPORT, bytes(body)).code());
    }

    @Test
    void rejectsBodiesOverTheLimitUnread() {
        ReportParser small = new ReportParser(new ParserLimits(100, 16, 1000, 10));
        ReportError error = rejection(small, "x".repeat(101));

        assertEquals(ReportErrorCode.BODY_TOO_LARGE, error.code());
    }

    private static ReportError rejection(ReportParser parser, String body) {
        ParseResult result = parser.parse(CSP_REPORT, bytes(body));
        assertTrue(result.isRejected());
        return result.errors().get(0);
    }

    @Test
    void rejectsBatchesOverTheReportLimit() {
        String item = "{\"type\":\"crash\",\"url\":\"https://a/\",\"body\":{}}";
        String batch = "[" + String.join(",", java.util.Collections.nCopies(101, item)) + "]";
        assertEquals(ReportErrorCode.TOO_MANY_REPORTS, rejection(REPORTS_JSON, bytes(batch)).code());
    }

    @Test
    void rejectsUnexpectedShapes() {
        assertEquals(ReportErrorCode.UNEXPECTED_SHAPE, rejection(JSON, bytes("{\"a\":1}")).code());
        assertEquals(ReportErrorCode.UNEXPECTED_SHAPE, rejection(JSON, bytes("\"csp-report\"")).code());
        assertEquals(ReportErrorCode.WRONG_TYPE, rejection(CSP_REPORT, bytes("{\"csp-report\":[]}")).code());
    }

    @Test
    void namesTheFieldAndTypeThatWereWrong() {
        ReportError error = rejection(CSP_REPORT, bytes("""
                {"csp-report":{"document-uri":"https://a/","effective-directive":"img-src","line-number":{"x":1}}}"""));
        assertEquals(ReportErrorCode.WRONG_TYPE, error.code());
        assertEquals("line-number: expected an integer, got an object", error.message());

        ReportError text = rejection(CSP_REPORT, bytes("""
                {"csp-report":{"document-uri":42,"effective-directive":"img-src"}}"""));
        assertEquals("document-uri: expected a string, got a number", text.message());
    }

    @Test
    void rejectsNegativeOrOversizedOrNonNumericNumbers() {
        for (String value : List.of("-1", "4294967296", "\"12a\"", "1.5")) {
            ReportError error = rejection(CSP_REPORT, bytes("{\"csp-report\":{\"document-uri\":\"https://a/\","
                    + "\"effective-directive\":\"img-src\",\"column-number\":" + value + "}}"));
            assertTrue(error.message().startsWith("column-number: "), error.message());
            assertTrue(error.code() == ReportErrorCode.INVALID_VALUE || error.code() == ReportErrorCode.WRONG_TYPE);
        }
    }

    @Test
    void requiresADocumentUriAndADirective() {
        assertEquals(ReportErrorCode.MISSING_FIELD, rejection(CSP_REPORT,
                bytes("{\"csp-report\":{\"effective-directive\":\"img-src\"}}")).code());
        ReportError noDirective = rejection(CSP_REPORT, bytes("{\"csp-report\":{\"document-uri\":\"https://a/\"}}"));
        assertEquals(ReportErrorCode.MISSING_FIELD, noDirective.code());
        assertTrue(noDirective.message().contains("effective-directive"));
        assertEquals(ReportErrorCode.INVALID_VALUE, rejection(CSP_REPORT, bytes(
                "{\"csp-report\":{\"document-uri\":\"https://a/\",\"violated-directive\":\"'self' x\"}}")).code());
    }

    @Test
    void skipsBadItemsInABatchWithTheirIndexAndKeepsTheRest() {
        ParseResult result = parser.parse(REPORTS_JSON, bytes("""
                [{"type":"csp-violation","url":"https://a/","body":{"effectiveDirective":"img-src","blockedURL":"data"}},
                 42,
                 {"url":"https://a/"},
                 {"type":"csp-violation","url":"https://a/"},
                 {"type":"csp-violation","url":"https://a/","body":{"effectiveDirective":7}},
                 {"type":"crash","url":"https://a/","body":{"reason":"oom"}}]"""));

        assertFalse(result.isRejected());
        assertEquals(List.of("csp-violation", "crash"), result.reports().stream().map(ParsedReport::type).toList());
        assertEquals("1=wrong_type,2=missing_field,3=missing_field,4=wrong_type", result.errors().stream()
                .map(e -> e.item().getAsInt() + "=" + e.code().wireName()).collect(Collectors.joining(",")));
    }

    @Test
    void anEmptyBatchIsNeitherReportsNorAnError() {
        ParseResult result = parser.parse(REPORTS_JSON, bytes("[]"));

        assertEquals(List.of(), result.reports());
        assertFalse(result.isRejected());
    }

    @Test
    void errorMessagesQuoteInputOnlyCleanedAndCapped() {
        ReportError error = rejection("text/" + "x".repeat(500) + "\u202e\n", bytes("{}"));

        assertTrue(error.message().length() < 200, error.message());
        assertFalse(error.message().contains("\u202e"));
    }
}
