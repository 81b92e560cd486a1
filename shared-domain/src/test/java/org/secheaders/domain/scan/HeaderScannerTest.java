package org.secheaders.domain.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.secheaders.domain.grading.CorsProbe;
import org.secheaders.domain.grading.HeaderField;
import org.secheaders.domain.grading.HttpProbe;
import org.secheaders.domain.grading.HttpsProbe;
import org.secheaders.domain.grading.ObservatoryGrade;
import org.secheaders.domain.grading.ObservatoryGrader;
import org.secheaders.domain.grading.ObservatoryReport;
import org.secheaders.domain.grading.ObservatoryTestName;
import org.secheaders.domain.grading.RedirectHop;
import org.secheaders.domain.grading.ResponseEvidence;
import org.secheaders.domain.grading.TestOutcome;

/** The scanner against a real Jetty on 127.0.0.1 ({@link ScanTestSite}); every test is one kind of site. */
class HeaderScannerTest {
    @TempDir
    static Path certificates;

    private static ScanTestSite site;
    private static HeaderScanner scanner;
    /** Trusts the test site's certificate (and only it). */
    private static HeaderScanner trustingScanner;
    private final ObservatoryGrader grader = new ObservatoryGrader();

    @BeforeAll
    static void startSite() throws Exception {
        site = ScanTestSite.start(certificates);
        scanner = new HeaderScanner();
        trustingScanner = new HeaderScanner(ScannerSettings.defaults()
                .withSslContext(site.certificate().trustingContext()));
    }

    @AfterAll
    static void stopSite() throws Exception {
        site.close();
    }

    @BeforeEach
    void forgetEarlierRequests() {
        site.forget();
    }

    // --- what is fetched ---

    @Test
    void readsTheHeadersOfTheUrlNamed() {
        ScanResult.Scanned scanned = scanned(scanner.scan(ScanRequest.of(site.http("/headers"))));

        ResponseEvidence evidence = scanned.evidence();
        assertEquals(200, scanned.finalStatus());
        assertEquals(Optional.of("DENY"), evidence.headers().first("x-frame-options"));
        assertEquals(Optional.of("no-store"), evidence.headers().first("Cache-Control"));
        // Repeated lines are combined for the grader as Node combines them, and kept apart for display.
        assertEquals(List.of("first, second"), evidence.headers().values("X-Custom"));
        assertEquals(List.of("first", "second"), scanned.rawHeaderLines().stream()
                .filter(line -> line.name().equalsIgnoreCase("X-Custom")).map(HeaderField::value).toList());
        assertFalse(evidence.fetchedOverHttps());
        assertInstanceOf(HttpsProbe.Unreachable.class, evidence.https());
        assertEquals(new HttpProbe.Reached(true, scanned.chain()), evidence.http());
        assertEquals(Optional.of("127.0.0.1"), evidence.hostname());
        assertEquals(URI.create(site.http("/headers")), scanned.finalUrl());
        assertTrue(scanned.elapsed().compareTo(Duration.ZERO) > 0);
    }

    @Test
    void requestsOnlyTheUrlNamedAndItsTwoCorsProbesWithTheProductUserAgent() {
        scanned(scanner.scan(ScanRequest.of(site.http("/meta"))));

        // The page links to /elsewhere and loads /app.js; neither is requested, nor is robots.txt.
        List<ScanTestSite.Seen> seen = site.seen();
        assertEquals(List.of("/meta", "/meta", "/meta"), seen.stream().map(ScanTestSite.Seen::path).toList());
        assertEquals(List.of(Optional.empty(), Optional.of(HeaderScanner.FOREIGN_ORIGIN), Optional.of("null")),
                seen.stream().map(ScanTestSite.Seen::origin).toList());
        assertTrue(seen.stream().allMatch(request -> request.userAgent().equals(ScannerSettings.DEFAULT_USER_AGENT)));
        assertTrue(ScannerSettings.DEFAULT_USER_AGENT.contains("SecurityHeadersMCP"));
    }

    // --- redirects ---

    @Test
    void followsARedirectChainAcrossOriginsRecordingEachHop() {
        ScanResult.Scanned scanned = scanned(scanner.scan(ScanRequest.of(site.http("/chain"))));

        assertEquals(List.of(hop(site.http("/chain"), 301), hop(site.otherHttp("/chain/2"), 302),
                hop(site.otherHttp("/chain/3"), 200)), scanned.chain());
        assertEquals(URI.create(site.otherHttp("/chain/3")), scanned.finalUrl());
        // The URL named is http://, so the chain is the route the redirection test reads: it never reaches https.
        assertEquals(new HttpProbe.Reached(true, scanned.chain()), scanned.evidence().http());
        assertEquals("redirection-not-to-https", code(scanned, ObservatoryTestName.REDIRECTION));
    }

    @Test
    void theRedirectLimitCountsRedirectsNotRequests() {
        ScanLimits twoRedirects = ScanLimits.defaults().withMaxRedirects(2);
        scanned(new HeaderScanner(ScannerSettings.defaults().withLimits(twoRedirects))
                .scan(ScanRequest.of(site.http("/chain"))));

        ScanResult oneRedirect = new HeaderScanner(ScannerSettings.defaults().withLimits(twoRedirects.withMaxRedirects(1)))
                .scan(ScanRequest.of(site.http("/chain")));
        assertEquals(NotEvaluatedReason.TOO_MANY_REDIRECTS, notEvaluated(oneRedirect).reason());
    }

    @Test
    void aRedirectLoopIsTooManyRedirects() {
        ScanResult.NotEvaluated result = notEvaluated(scanner.scan(ScanRequest.of(site.http("/loop"))));

        assertEquals(NotEvaluatedReason.TOO_MANY_REDIRECTS, result.reason());
        assertTrue(result.message().contains("after 5 redirects"), result.message());
        assertEquals(6, site.seen().size()); // the URL and five redirects, then no more
    }

    @Test
    void anHttpUrlIsFollowedToHttpsOnTheSameHost() {
        ScanResult.Scanned scanned = scanned(trustingScanner.scan(ScanRequest.of(site.http("/strong"))));

        assertEquals(List.of(hop(site.http("/strong"), 301), hop(site.https("/strong"), 200)), scanned.chain());
        ResponseEvidence evidence = scanned.evidence();
        assertTrue(evidence.fetchedOverHttps());
        assertEquals(new HttpProbe.Reached(true, scanned.chain()), evidence.http());
        HttpsProbe.Reached https = assertInstanceOf(HttpsProbe.Reached.class, evidence.https());
        assertTrue(https.certificateVerified());
        assertEquals(Optional.of("max-age=63072000; includeSubDomains"), https.headers().first("Strict-Transport-Security"));
        assertEquals("redirection-to-https", code(scanned, ObservatoryTestName.REDIRECTION));
    }

    @Test
    void anHttpsUrlGetsAnHttpProbeOnTheSameHostAndPath() {
        ScanResult.Scanned scanned = scanned(trustingScanner.scan(
                ScanRequest.of(site.https("/strong")).withHttpProbePort(site.httpPort())));

        assertEquals(List.of(hop(site.https("/strong"), 200)), scanned.chain());
        assertEquals(new HttpProbe.Reached(true, List.of(hop(site.http("/strong"), 301), hop(site.https("/strong"), 200))),
                scanned.evidence().http());
    }

    @Test
    void anHttpProbeEndingOnAnUntrustedCertificateGradesAsInvalidCert() {
        String url = site.https("/strong-probe-to-stranger");
        ScanResult.Scanned scanned = scanned(trustingScanner.scan(ScanRequest.of(url).withHttpProbePort(site.httpPort())));

        assertEquals(new HttpProbe.Reached(false, List.of(hop(site.http("/strong-probe-to-stranger"), 301))),
                scanned.evidence().http());
        assertEquals("redirection-invalid-cert", code(scanned, ObservatoryTestName.REDIRECTION));
    }

    @Test
    void nothingListeningOnHttpMeansNoRedirectIsNeeded() throws IOException {
        ScanResult.Scanned scanned = scanned(trustingScanner.scan(
                ScanRequest.of(site.https("/strong")).withHttpProbePort(closedPort())));

        assertInstanceOf(HttpProbe.Unreachable.class, scanned.evidence().http());
        assertEquals("redirection-not-needed-no-http", code(scanned, ObservatoryTestName.REDIRECTION));
    }

    @Test
    void aRedirectToAnotherSchemeIsNotFollowed() {
        ScanResult.NotEvaluated result = notEvaluated(scanner.scan(ScanRequest.of(site.http("/to-ftp"))));

        assertEquals(NotEvaluatedReason.INVALID_REDIRECT, result.reason());
        assertTrue(result.message().contains("ftp://127.0.0.1/file"), result.message());
    }

    // --- TLS ---

    @Test
    void aCertificateTheJdkDoesNotTrustIsATlsError() {
        ScanResult.NotEvaluated result = notEvaluated(scanner.scan(ScanRequest.of(site.https("/strong"))));

        assertEquals(NotEvaluatedReason.TLS_ERROR, result.reason());
        assertTrue(result.message().contains(URI.create(site.https("/")).getAuthority()), result.message());
    }

    @Test
    void anUpgradeToAnUntrustedCertificateIsATlsError() {
        ScanResult.NotEvaluated result = notEvaluated(scanner.scan(ScanRequest.of(site.http("/strong"))));

        assertEquals(NotEvaluatedReason.TLS_ERROR, result.reason());
    }

    // --- limits ---

    @Test
    void aSlowResponseTimesOutAtTheRequestLimit() {
        HeaderScanner impatient = new HeaderScanner(ScannerSettings.defaults()
                .withLimits(ScanLimits.defaults().withRequestTimeout(Duration.ofMillis(300))));

        ScanResult.NotEvaluated result = notEvaluated(impatient.scan(ScanRequest.of(site.http("/slow"))));

        // The server answers after 2 s, well inside the 15 s total: only the request limit can have fired.
        assertEquals(NotEvaluatedReason.TIMEOUT, result.reason());
        assertTrue(result.message().contains("within 300 ms"), result.message());
    }

    @Test
    void theRequestLimitCoversTheBody() {
        HeaderScanner impatient = new HeaderScanner(ScannerSettings.defaults()
                .withLimits(ScanLimits.defaults().withRequestTimeout(Duration.ofMillis(300))));

        ScanResult result = impatient.scan(ScanRequest.of(site.http("/slow-body")));

        assertEquals(NotEvaluatedReason.TIMEOUT, notEvaluated(result).reason());
    }

    @Test
    void theTotalLimitCutsARequestShort() {
        HeaderScanner hurried = new HeaderScanner(ScannerSettings.defaults()
                .withLimits(ScanLimits.defaults().withTotalTimeout(Duration.ofMillis(400))));

        ScanResult.NotEvaluated result = notEvaluated(hurried.scan(ScanRequest.of(site.http("/slow"))));

        assertEquals(NotEvaluatedReason.TIMEOUT, result.reason());
        assertTrue(result.message().contains("scan time limit of 400 ms"), result.message());
    }

    @Test
    void aHugeBodyIsCutAtTheLimitAndTheRestIsNotDownloaded() throws InterruptedException {
        ScanResult.Scanned scanned = scanned(scanner.scan(ScanRequest.of(site.http("/huge"))));

        // The second policy sits 32 MiB in, far past the 256 KiB read.
        assertEquals(List.of("default-src 'self'"), scanned.evidence().httpEquiv().values("content-security-policy"));
        for (int request = 0; request < 3; request++) {
            assertEquals(Boolean.FALSE, site.hugeBodyWrites().poll(10, TimeUnit.SECONDS),
                    "the server finished writing a body the scanner should have stopped reading");
        }
    }

    // --- cookies ---

    @Test
    void cookieValuesAreRedactedInTheLinesShownButGradedFromTheEvidence() {
        ScanResult.Scanned scanned = scanned(scanner.scan(ScanRequest.of(site.http("/cookies"))));

        List<String> shown = scanned.rawHeaderLines().stream()
                .filter(line -> line.name().equalsIgnoreCase("Set-Cookie")).map(HeaderField::value).toList();
        assertEquals(2, shown.size());
        assertTrue(shown.stream().noneMatch(line -> line.contains(ScanTestSite.SESSION_SECRET)), shown.toString());
        assertTrue(shown.stream().anyMatch(line -> line.startsWith("SESSIONID=" + RedactedHeaders.REDACTED)
                && line.contains("HttpOnly")), shown.toString());
        assertTrue(shown.stream().anyMatch(line -> line.startsWith("theme=" + RedactedHeaders.REDACTED)
                && line.contains("Secure") && line.contains("SameSite=Lax")), shown.toString());

        assertTrue(scanned.evidence().headers().values("Set-Cookie").stream()
                .anyMatch(line -> line.contains(ScanTestSite.SESSION_SECRET)));
        assertEquals("cookies-session-without-secure-flag", code(scanned, ObservatoryTestName.COOKIES));
    }

    // --- CORS ---

    @Test
    void aWildcardCorsPolicyIsPublicAccess() {
        ScanResult.Scanned scanned = scanned(scanner.scan(ScanRequest.of(site.http("/cors/wildcard"))));

        CorsProbe foreign = scanned.evidence().cors().orElseThrow();
        assertEquals(HeaderScanner.FOREIGN_ORIGIN, foreign.requestOrigin());
        assertEquals(Optional.of("*"), foreign.responseHeaders().first("Access-Control-Allow-Origin"));
        assertEquals(Optional.of("*"), scanned.evidence().nullOriginCors().orElseThrow().responseHeaders()
                .first("Access-Control-Allow-Origin"));
        assertEquals("cross-origin-resource-sharing-implemented-with-public-access",
                code(scanned, ObservatoryTestName.CROSS_ORIGIN_RESOURCE_SHARING));
    }

    @Test
    void aReflectedOriginWithCredentialsIsUniversalAccess() {
        ScanResult.Scanned scanned = scanned(scanner.scan(ScanRequest.of(site.http("/cors/reflect"))));

        CorsProbe foreign = scanned.evidence().cors().orElseThrow();
        assertEquals(Optional.of(HeaderScanner.FOREIGN_ORIGIN), foreign.responseHeaders().first("Access-Control-Allow-Origin"));
        assertEquals(Optional.of("true"), foreign.responseHeaders().first("Access-Control-Allow-Credentials"));
        assertEquals(Optional.of("GET, POST, DELETE"), foreign.responseHeaders().first("Access-Control-Allow-Methods"));
        assertEquals(Optional.of("Origin"), foreign.responseHeaders().first("Vary"));
        // Only the CORS headers are kept from a probe: its cookies are not evidence of anything.
        assertEquals(List.of(), foreign.responseHeaders().values("Set-Cookie"));
        assertEquals(Optional.of("null"), scanned.evidence().nullOriginCors().orElseThrow().responseHeaders()
                .first("Access-Control-Allow-Origin"));
        assertEquals("cross-origin-resource-sharing-implemented-with-universal-access",
                code(scanned, ObservatoryTestName.CROSS_ORIGIN_RESOURCE_SHARING));
    }

    @Test
    void aSiteAllowingOnlyTheNullOriginShowsInTheNullProbe() {
        ScanResult.Scanned scanned = scanned(scanner.scan(ScanRequest.of(site.http("/cors/null-only"))));

        CorsProbe nullOrigin = scanned.evidence().nullOriginCors().orElseThrow();
        assertEquals("null", nullOrigin.requestOrigin());
        assertEquals(Optional.of("null"), nullOrigin.responseHeaders().first("Access-Control-Allow-Origin"));
        assertEquals(Optional.of("true"), nullOrigin.responseHeaders().first("Access-Control-Allow-Credentials"));
        assertEquals(Optional.empty(), scanned.evidence().cors().orElseThrow().responseHeaders()
                .first("Access-Control-Allow-Origin"));
        assertEquals("cross-origin-resource-sharing-not-implemented",
                code(scanned, ObservatoryTestName.CROSS_ORIGIN_RESOURCE_SHARING));
    }

    // --- the page ---

    @Test
    void readsMetaPoliciesFromThePageButNotFromCommentsScriptsOrTitles() {
        ScanResult.Scanned scanned = scanned(scanner.scan(ScanRequest.of(site.http("/meta"))));

        ResponseEvidence evidence = scanned.evidence();
        assertEquals(List.of("default-src 'none'; img-src 'self'"), evidence.httpEquiv().values("content-security-policy"));
        assertEquals(List.of("no-referrer"), evidence.httpEquiv().values("referrer-policy"));
        assertEquals("csp-implemented-with-no-unsafe-default-src-none",
                code(scanned, ObservatoryTestName.CONTENT_SECURITY_POLICY));
        assertEquals("referrer-policy-private", code(scanned, ObservatoryTestName.REFERRER_POLICY));
    }

    // --- not evaluated ---

    @Test
    void aClosedPortIsUnreachable() throws IOException {
        int port = closedPort();
        ScanResult.NotEvaluated result = notEvaluated(scanner.scan(ScanRequest.of("http://127.0.0.1:" + port + "/")));

        assertEquals(NotEvaluatedReason.UNREACHABLE, result.reason());
        assertTrue(result.message().startsWith("could not connect to 127.0.0.1:" + port), result.message());
    }

    @Test
    void aHostThatDoesNotResolveIsUnreachable() {
        // .invalid never resolves (RFC 6761).
        ScanResult.NotEvaluated result = notEvaluated(scanner.scan(ScanRequest.of("http://scanner-test.invalid/")));

        assertEquals(NotEvaluatedReason.UNREACHABLE, result.reason());
        assertEquals("host scanner-test.invalid not found", result.message());
    }

    @Test
    void aStatusTheObservatoryDoesNotGradeIsNotEvaluated() {
        ScanResult.NotEvaluated result = notEvaluated(scanner.scan(ScanRequest.of(site.http("/nothing-here"))));

        assertEquals(NotEvaluatedReason.UNSUPPORTED_STATUS, result.reason());
        assertTrue(result.message().contains("404"), result.message());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                           | no URL given",
        "example.com                  | only http:// and https://",
        "ftp://example.com/           | only http:// and https://",
        "javascript:alert(1)          | only http:// and https://",
        "https://user:pw@example.com/ | user info",
        "http://exa mple.com/         | not a valid URL",
        "http:///path                 | no valid host name",
        "https://example.com:99999/   | port 99999 is out of range",
    })
    void aBadUrlIsNotEvaluatedWithAMessageNamingTheProblem(String url, String problem) {
        ScanResult.NotEvaluated result = notEvaluated(scanner.scan(ScanRequest.of(url)));

        assertEquals(NotEvaluatedReason.INVALID_URL, result.reason());
        assertTrue(result.message().contains(problem), result.message());
    }

    @Test
    void aPublicOnlyPolicyRefusesLoopbackWithoutConnecting() {
        HeaderScanner guarded = new HeaderScanner(ScannerSettings.defaults()
                .withTargetPolicy(TargetPolicy.publicAddressesOnly()));

        ScanResult.NotEvaluated result = notEvaluated(guarded.scan(ScanRequest.of(site.http("/headers"))));

        assertEquals(NotEvaluatedReason.FORBIDDEN_TARGET, result.reason());
        assertTrue(result.message().contains("loopback"), result.message());
        assertEquals(List.of(), site.seen());
    }

    @Test
    void aRedirectIntoAPrivateNetworkIsRefusedBeforeItIsFollowed() {
        HeaderScanner guarded = new HeaderScanner(ScannerSettings.defaults().withTargetPolicy(
                new TargetPolicy(EnumSet.of(AddressClass.PUBLIC, AddressClass.LOOPBACK))));

        ScanResult.NotEvaluated result = notEvaluated(guarded.scan(ScanRequest.of(site.http("/to-private"))));

        assertEquals(NotEvaluatedReason.FORBIDDEN_TARGET, result.reason());
        assertTrue(result.message().contains("private"), result.message());
        assertFalse(result.message().contains("10.255.255.1/") && result.message().contains("resolves to 10."));
    }

    @Test
    void anInterruptedScanIsCancelledAndKeepsTheInterrupt() throws IOException {
        String url = "http://127.0.0.1:" + closedPort() + "/";
        Thread.currentThread().interrupt();
        try {
            ScanResult result = scanner.scan(ScanRequest.of(url));

            assertEquals(NotEvaluatedReason.CANCELLED, notEvaluated(result).reason());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    // --- end to end: scan, then grade ---

    @Test
    void aSiteSendingAStrongHeaderSetGradesAPlus() {
        ScanResult.Scanned scanned = scanned(trustingScanner.scan(
                ScanRequest.of(site.https("/strong")).withHttpProbePort(site.httpPort())));

        ObservatoryReport report = grader.grade(scanned.evidence());

        assertEquals(List.of("csp-implemented-with-no-unsafe-default-src-none",
                "cookies-secure-with-httponly-sessions-and-samesite", "coep-implemented-with-require-corp",
                "coop-implemented-with-same-origin", "cross-origin-resource-sharing-not-implemented",
                "redirection-to-https", "referrer-policy-private", "hsts-implemented-max-age-at-least-six-months",
                "x-content-type-options-nosniff", "x-frame-options-implemented-via-csp",
                "corp-implemented-with-same-origin"), codes(report));
        // 100 + 10 (CSP) + 5 (cookies) + 10 (COEP) + 10 (COOP) + 5 (referrer) + 5 (XFO via CSP) + 10 (CORP)
        assertEquals(155, report.score());
        assertEquals(ObservatoryGrade.A_PLUS, report.grade());
        // SRI needs the page's scripts, which the scanner does not parse.
        assertEquals(List.of(ObservatoryTestName.SUBRESOURCE_INTEGRITY),
                report.outOfScope().stream().map(org.secheaders.domain.grading.NotEvaluated::test).toList());
    }

    @Test
    void aBareSiteOnPlainHttpGradesF() {
        ScanResult.Scanned scanned = scanned(scanner.scan(ScanRequest.of(site.http("/bare"))));

        ObservatoryReport report = grader.grade(scanned.evidence());

        assertEquals(List.of("csp-not-implemented", "cookies-not-found", "coep-not-implemented",
                "coop-not-implemented", "cross-origin-resource-sharing-not-implemented", "redirection-missing",
                "referrer-policy-not-implemented", "hsts-not-implemented-no-https",
                "x-content-type-options-not-implemented", "x-frame-options-not-implemented",
                "corp-not-implemented"), codes(report));
        // 100 - 25 (CSP) - 20 (no redirect to https) - 20 (no HTTPS, so no HSTS) - 5 (nosniff) - 20 (XFO)
        assertEquals(10, report.score());
        assertEquals(ObservatoryGrade.F, report.grade());
    }

    // --- helpers ---

    private static ScanResult.Scanned scanned(ScanResult result) {
        return assertInstanceOf(ScanResult.Scanned.class, result, () -> "expected evidence, got " + result);
    }

    private static ScanResult.NotEvaluated notEvaluated(ScanResult result) {
        return assertInstanceOf(ScanResult.NotEvaluated.class, result, () -> "expected no evidence, got " + result);
    }

    private static RedirectHop hop(String url, int status) {
        return new RedirectHop(URI.create(url), status);
    }

    private String code(ScanResult.Scanned scanned, ObservatoryTestName test) {
        return grader.grade(scanned.evidence()).tests().stream().filter(outcome -> outcome.test() == test)
                .findFirst().orElseThrow().result().code();
    }

    private static List<String> codes(ObservatoryReport report) {
        return report.tests().stream().map(TestOutcome::result).map(result -> result.code()).toList();
    }

    /** A port nothing listens on: bound, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
