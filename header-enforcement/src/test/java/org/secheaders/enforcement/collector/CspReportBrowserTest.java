package org.secheaders.enforcement.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secheaders.domain.model.SecurityViolation;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.policy.PlatformPolicy;
import org.secheaders.domain.testing.DbKind;
import org.secheaders.domain.testing.TestDatabase;
import org.secheaders.domain.testing.TestDatabases;
import org.secheaders.domain.testing.TestTenants;

/**
 * Real reports from a real browser: Debian's Chromium (driven by playwright-core from
 * {@code src/test/browser}) loads a page served under the platform's default headers, whose CSP has
 * both {@code report-uri /csp-report/<tenant>} and {@code report-to} with a Reporting-Endpoints group
 * pointing at the same path. Chromium then sends {@code application/reports+json} batches and, as the
 * CSP spec says, ignores report-uri. Browsers without the Reporting API (Firefox before 149, older
 * Safari) read only report-uri; a second page stands in for them with the same policy minus
 * report-to, and Chromium sends it legacy {@code application/csp-report} reports. Both pages are
 * HTTPS (a throwaway self-signed certificate), as the Reporting API requires, on the host
 * {@code shop.test}, which the script maps to 127.0.0.1.
 *
 * <p>Skipped when node, /usr/bin/chromium or {@code node_modules} is missing, unless
 * {@value HeadlessChromium#REQUIRE_BROWSER}{@code =true}: then it fails.
 */
class CspReportBrowserTest {
    private static final Duration PAGES_LOADED = Duration.ofSeconds(90);
    private static final Duration STORED_WITHIN = Duration.ofSeconds(10);
    private static final String KEYSTORE_PASSWORD = "collector-test";
    private static final String SITE_HOST = "shop.test";

    @TempDir
    Path dir;

    @Test
    void chromiumSendsBothWireFormatsAndTheViolationsAreStoredClassified() throws Exception {
        Path node = HeadlessChromium.requireTooling();
        try (TestDatabase testDatabase = TestDatabases.create(DbKind.H2)) {
            Tenant tenant = TestTenants.create(testDatabase.database());
            PlatformPolicy policy = ViolatingPageServlet.defaultsReportingTo(
                    CollectorServer.REPORT_PATH + "/" + tenant.slug());
            CollectorConfig config = CollectorConfig.builder(dir.resolve("wal")).build();
            try (CollectorServer server = CollectorServer.builder(testDatabase.database(), config)
                    .servlet("/page", ViolatingPageServlet.reportingTo(policy.baseline()))
                    .servlet("/legacy-page", ViolatingPageServlet.reportUriOnly(policy.baseline()))
                    .tls(TestTls.selfSignedKeyStore(dir, KEYSTORE_PASSWORD), KEYSTORE_PASSWORD)
                    .start()) {
                String legacyPage = onSiteHost(server.httpsUri("/legacy-page"));
                String reportingApiPage = onSiteHost(server.httpsUri("/page"));
                List<String> urls = List.of(legacyPage, reportingApiPage);
                List<SecurityViolation> rows;
                try (HeadlessChromium browser = HeadlessChromium.load(node, dir, urls)) {
                    browser.awaitLoaded(urls.size(), PAGES_LOADED);
                    rows = StoredViolations.await(testDatabase.database(), tenant.id(), STORED_WITHIN,
                            stored -> formats(stored).containsAll(Set.of("report_uri", "reporting_api")));
                }
                assertStoredAndClassified(rows, legacyPage, reportingApiPage);
            }
        }
    }

    private static void assertStoredAndClassified(List<SecurityViolation> rows, String legacyPage,
                                                  String reportingApiPage) {
        List<SecurityViolation> legacy = byFormat(rows, "report_uri");
        assertEquals(Set.of(legacyPage), legacy.stream().map(SecurityViolation::documentUri).collect(Collectors.toSet()),
                "report-uri reports come from the HTTP page: " + legacy);
        assertEquals(Set.of("inline", "eval", ViolatingPageServlet.BLOCKED_IMAGE, ViolatingPageServlet.BLOCKED_SCRIPT),
                legacy.stream().map(v -> v.blockedUri().orElseThrow()).collect(Collectors.toSet()), legacy::toString);
        SecurityViolation inline = blocking(legacy, "inline");
        assertEquals("script-src-elem", inline.policyDirective());
        assertEquals("script-src-elem", blocking(legacy, ViolatingPageServlet.BLOCKED_SCRIPT).policyDirective());
        SecurityViolation image = blocking(legacy, ViolatingPageServlet.BLOCKED_IMAGE);
        assertEquals("img-src", image.policyDirective());
        SecurityViolation eval = blocking(legacy, "eval");
        assertEquals(Optional.of("v1.suspicious.first-party-eval"), eval.classificationRule(), eval::toString);

        List<SecurityViolation> reportingApi = byFormat(rows, "reporting_api");
        assertTrue(reportingApi.stream().allMatch(v -> v.documentUri().equals(reportingApiPage)), reportingApi::toString);
        assertEquals("script-src-elem", blocking(reportingApi, "inline").policyDirective());
        for (SecurityViolation row : rows) {
            assertTrue(row.classificationRule().isPresent(), row::toString);
            // HeadlessChrome in the user agent: the parser files headless automation under bot.
            assertEquals("bot", row.metadata().get("browser_family"), row::toString);
        }
    }

    /** The script maps {@value #SITE_HOST} to 127.0.0.1 in Chromium. */
    private static String onSiteHost(URI uri) {
        return uri.getScheme() + "://" + SITE_HOST + ":" + uri.getPort() + uri.getPath();
    }

    private static Set<Object> formats(List<SecurityViolation> rows) {
        return rows.stream().map(v -> v.metadata().get("report_format")).collect(Collectors.toSet());
    }

    private static List<SecurityViolation> byFormat(List<SecurityViolation> rows, String format) {
        return rows.stream().filter(v -> format.equals(v.metadata().get("report_format"))).toList();
    }

    private static SecurityViolation blocking(List<SecurityViolation> rows, String blocked) {
        return rows.stream().filter(v -> v.blockedUri().equals(Optional.of(blocked))).findFirst()
                .orElseThrow(() -> new AssertionError("no report blocking " + blocked + " in " + rows));
    }
}
