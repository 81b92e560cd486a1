package org.secheaders.enforcement.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
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
 * {@value #REQUIRE_BROWSER}{@code =true}: then it fails.
 */
class CspReportBrowserTest {
    static final String REQUIRE_BROWSER = "SECHEADERS_REQUIRE_BROWSER";
    private static final Path BROWSER_DIR = Path.of("src", "test", "browser");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Duration PAGES_LOADED = Duration.ofSeconds(90);
    private static final Duration STORED_WITHIN = Duration.ofSeconds(10);
    private static final String KEYSTORE_PASSWORD = "collector-test";
    private static final String SITE_HOST = "shop.test";

    @TempDir
    Path dir;

    @Test
    void chromiumSendsBothWireFormatsAndTheViolationsAreStoredClassified() throws Exception {
        Path node = requireBrowserTooling();
        try (TestDatabase testDatabase = TestDatabases.create(DbKind.H2)) {
            Tenant tenant = TestTenants.create(testDatabase.database());
            PlatformPolicy policy = policyReportingTo(CollectorServer.REPORT_PATH + "/" + tenant.slug());
            CollectorConfig config = CollectorConfig.builder(dir.resolve("wal")).build();
            try (CollectorServer server = CollectorServer.builder(testDatabase.database(), config)
                    .servlet("/page", new ViolatingPageServlet(policy.baseline().compile()))
                    .servlet("/legacy-page", new ViolatingPageServlet(
                            policy.baseline().mapPolicies(csp -> csp.without("report-to")).compile()))
                    .tls(CollectorServer.selfSignedKeyStore(dir, KEYSTORE_PASSWORD), KEYSTORE_PASSWORD)
                    .start()) {
                String legacyPage = onSiteHost(server.httpsUri("/legacy-page"));
                String reportingApiPage = onSiteHost(server.httpsUri("/page"));
                List<String> urls = List.of(legacyPage, reportingApiPage);
                Process browser = startBrowser(node, urls);
                List<SecurityViolation> rows;
                try {
                    awaitLoaded(browser, urls.size());
                    rows = StoredViolations.await(testDatabase.database(), tenant.id(), STORED_WITHIN,
                            stored -> formats(stored).containsAll(Set.of("report_uri", "reporting_api")));
                } finally {
                    browser.getOutputStream().close();
                    if (!browser.waitFor(30, TimeUnit.SECONDS)) {
                        browser.destroyForcibly();
                    }
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
        assertEquals(Set.of("inline", "eval", ViolatingPageServlet.BLOCKED_IMAGE),
                legacy.stream().map(v -> v.blockedUri().orElseThrow()).collect(Collectors.toSet()), legacy::toString);
        SecurityViolation inline = blocking(legacy, "inline");
        assertEquals("script-src-elem", inline.policyDirective());
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

    /** The platform's default headers, with reports sent to this tenant's collector path. */
    private static PlatformPolicy policyReportingTo(String path) throws IOException {
        String defaults;
        try (InputStream in = PlatformPolicy.class.getResourceAsStream("platform-baseline.json")) {
            defaults = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String json = defaults.replace("\"reportCollectorPath\": \"/csp-report\"", "\"reportCollectorPath\": \"" + path + "\"");
        assertTrue(json.contains(path), "the baseline names its collector path");
        return PlatformPolicy.fromJson(json);
    }

    private Process startBrowser(Path node, List<String> urls) throws IOException {
        List<String> command = new ArrayList<>(List.of(node.toString(), "load-pages.mjs"));
        command.addAll(urls);
        return new ProcessBuilder(command)
                .directory(BROWSER_DIR.toFile())
                .redirectError(dir.resolve("browser.err").toFile())
                .start();
    }

    private void awaitLoaded(Process browser, int pages) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(browser.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Long> loaded = CompletableFuture.supplyAsync(
                () -> out.lines().filter(line -> line.startsWith("loaded ")).limit(pages).count());
        try {
            assertEquals(pages, loaded.get(PAGES_LOADED.toSeconds(), TimeUnit.SECONDS));
        } catch (Exception | AssertionError e) {
            throw new AssertionError("Chromium did not load the pages:\n"
                    + Files.readString(dir.resolve("browser.err"), StandardCharsets.UTF_8), e);
        }
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

    /** The node binary, or a skip (a failure with SECHEADERS_REQUIRE_BROWSER=true) naming what is missing. */
    private static Path requireBrowserTooling() {
        Optional<Path> node = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .map(entry -> Path.of(entry, "node"))
                .filter(Files::isExecutable)
                .findFirst();
        List<String> missing = new ArrayList<>();
        if (node.isEmpty()) {
            missing.add("node is not on the PATH");
        }
        if (!Files.isExecutable(CHROMIUM)) {
            missing.add(CHROMIUM + " is missing (apt-get install chromium)");
        }
        if (!Files.isDirectory(BROWSER_DIR.resolve("node_modules").resolve("playwright-core"))) {
            missing.add("playwright-core is not installed (npm ci in header-enforcement/src/test/browser)");
        }
        if (!missing.isEmpty()) {
            String reason = String.join("; ", missing);
            if (Boolean.parseBoolean(System.getProperty(REQUIRE_BROWSER, System.getenv(REQUIRE_BROWSER)))) {
                throw new AssertionError(reason + ", and " + REQUIRE_BROWSER + "=true");
            }
            Assumptions.abort(reason + "; skipping (set " + REQUIRE_BROWSER + "=true to fail instead)");
        }
        return node.orElseThrow();
    }
}
