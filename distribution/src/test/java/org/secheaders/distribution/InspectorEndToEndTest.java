package org.secheaders.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secheaders.distribution.SecheadersJar.Run;

/**
 * The analytics and compliance servers in the shaded jar, driven by the MCP Inspector CLI (an independent client)
 * over stdio and streamable HTTP, against a data directory the demo seeded. Skipped without npx; see
 * {@link InspectorCli}.
 */
class InspectorEndToEndTest {

    private static final String SERVER = "security-analytics";
    private static final List<String> TOOLS = List.of("track_csp_violation", "analyze_security_metrics",
            "detect_anomalies", "generate_security_report", "correlate_security_events");
    private static final String COMPLIANCE = "compliance-checker";
    private static final List<String> COMPLIANCE_TOOLS = List.of("validate_owasp_compliance", "check_soc2_controls",
            "verify_gdpr_headers", "suggest_remediation", "generate_compliance_report");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static InspectorCli inspector;
    private static DemoData data;

    @BeforeAll
    static void seed() throws Exception {
        inspector = InspectorCli.findOrSkip(dir);
        data = DemoData.seed(dir);
    }

    @Test
    void stdioListsTheFiveToolsWithSchemasAndAnnotations() throws Exception {
        assertListsTheFiveTools(inspector.request(stdio(SERVER), "--method", "tools/list"));
    }

    @Test
    void trackCspViolationStoresAReport() throws Exception {
        JsonNode tenant = data.firstTenant();
        ObjectNode body = JSON.createObjectNode()
                .put("document-uri", "https://" + tenant.get("domain").asText() + "/checkout")
                .put("violated-directive", "script-src-elem")
                .put("effective-directive", "script-src-elem")
                .put("blocked-uri", "https://e2e-inspector.example.net/tracker.js")
                .put("original-policy", "script-src 'self'")
                .put("disposition", "enforce");
        ObjectNode arguments = JSON.createObjectNode().put("tenant", tenant.get("slug").asText());
        arguments.putObject("report").set("csp-report", body);

        JsonNode result = callOk("track_csp_violation", arguments);
        assertEquals(1, result.get("received").asInt(), result::toString);
        assertEquals(1, result.get("stored").size(), result::toString);
        assertEquals(0, result.get("errors").size(), result::toString);
    }

    @Test
    void analyzeSecurityMetricsCountsTheSeededViolations() throws Exception {
        JsonNode result = callOk("analyze_security_metrics", JSON.createObjectNode());
        assertTrue(result.at("/totals/violations").asLong() > 0, result::toString);
    }

    @Test
    void detectAnomaliesEvaluatesTheSeededSeries() throws Exception {
        JsonNode result = callOk("detect_anomalies", JSON.createObjectNode());
        assertTrue(result.at("/evaluated/tenants").asInt() > 0, result::toString);
        assertTrue(result.at("/evaluated/series").asInt() > 0, result::toString);
    }

    @Test
    void generateSecurityReportSummarisesTheSeededViolations() throws Exception {
        JsonNode result = callOk("generate_security_report", JSON.createObjectNode().put("format", "json"));
        assertTrue(result.at("/summary/violations").asLong() > 0, result::toString);
        assertTrue(result.get("content_length").asLong() > 0, result::toString);
    }

    @Test
    void correlateSecurityEventsFindsThePlantedAttackBurst() throws Exception {
        Instant burst = Instant.parse(data.planted("attack_burst").get("start").asText());
        ObjectNode arguments = JSON.createObjectNode()
                .put("tenant", data.planted("attack_burst").get("tenant").asText())
                .put("start_date", burst.minus(Duration.ofHours(1)).toString())
                .put("end_date", burst.plus(Duration.ofHours(2)).toString());
        JsonNode result = callOk("correlate_security_events", arguments);
        assertTrue(result.get("clusters_found").asInt() > 0, result::toString);
    }

    @Test
    void aBadArgumentIsAToolErrorNamingIt() throws Exception {
        JsonNode result = call(stdio(SERVER), "analyze_security_metrics", JSON.createObjectNode().put("start_date", "yesterday"));
        assertTrue(result.get("isError").asBoolean(), result::toString);
        assertTrue(result.at("/content/0/text").asText().contains("start_date"), result::toString);
    }

    @Test
    void streamableHttpListsAndCallsWithABearerToken() throws Exception {
        Run token = SecheadersJar.run(dir, data.env(), "token", "create", "--name", "inspector-e2e", "--role", "superadmin",
                "--format", "json");
        assertEquals(0, token.exitCode(), token::toString);
        String secret = JSON.readTree(token.out()).get("secret").asText();

        try (HttpServerProcess server = HttpServerProcess.start(dir, data.env(), SERVER)) {
            List<String> http = List.of("--transport", "http", "--server-url", server.url(),
                    "--header", "Authorization: Bearer " + secret);
            assertListsTheFiveTools(inspector.request(http, "--method", "tools/list"));
            JsonNode result = call(http, "analyze_security_metrics", JSON.createObjectNode());
            assertFalse(result.get("isError").asBoolean(), () -> result + "\n" + log(server));
            assertTrue(result.at("/structuredContent/totals/violations").asLong() > 0, result::toString);
        }
    }

    @Test
    void complianceCheckerListsItsToolsAndChecksADemoTenantOverStdio() throws Exception {
        // The default stdio identity (security_analyst) may only read compliance; checks write results.
        List<String> officer = new ArrayList<>(List.of("-e", "SECHEADERS_IDENTITY_ROLE=compliance_officer"));
        officer.addAll(stdio(COMPLIANCE));
        assertListsTools(inspector.request(officer, "--method", "tools/list"), COMPLIANCE_TOOLS);
        for (ObjectNode call : complianceCalls()) {
            String tool = call.remove("tool").asText();
            assertComplianceResult(tool, callOk(officer, tool, call));
        }
    }

    @Test
    void complianceCheckerListsAndCallsOverStreamableHttp() throws Exception {
        Run token = SecheadersJar.run(dir, data.env(), "token", "create", "--name", "inspector-compliance", "--role",
                "superadmin", "--format", "json");
        assertEquals(0, token.exitCode(), token::toString);
        String secret = JSON.readTree(token.out()).get("secret").asText();

        try (HttpServerProcess server = HttpServerProcess.start(dir, data.env(), COMPLIANCE)) {
            List<String> http = List.of("--transport", "http", "--server-url", server.url(),
                    "--header", "Authorization: Bearer " + secret);
            assertListsTools(inspector.request(http, "--method", "tools/list"), COMPLIANCE_TOOLS);
            for (ObjectNode call : complianceCalls()) {
                String tool = call.remove("tool").asText();
                JsonNode result = call(http, tool, call);
                assertFalse(result.get("isError").asBoolean(), () -> result + "\n" + log(server));
                assertComplianceResult(tool, result.get("structuredContent"));
            }
        }
    }

    /** One call of each compliance tool on the first demo tenant, the tool's name under "tool". */
    private static List<ObjectNode> complianceCalls() {
        String tenant = data.firstTenant().get("slug").asText();
        ObjectNode owasp = JSON.createObjectNode().put("tool", "validate_owasp_compliance").put("tenant", tenant)
                .put("asvs_version", "4.0.3").put("asvs_level", 1);
        ObjectNode soc2 = JSON.createObjectNode().put("tool", "check_soc2_controls").put("tenant", tenant);
        ObjectNode gdpr = JSON.createObjectNode().put("tool", "verify_gdpr_headers").put("tenant", tenant)
                .put("headers", "Referrer-Policy: unsafe-url\nSet-Cookie: sid=secret; Path=/");
        ObjectNode remediation = JSON.createObjectNode().put("tool", "suggest_remediation").put("tenant", tenant);
        remediation.putArray("frameworks").add("owasp");
        ObjectNode report = JSON.createObjectNode().put("tool", "generate_compliance_report").put("tenant", tenant)
                .put("format", "pdf");
        report.putArray("frameworks").add("gdpr");
        return List.of(owasp, soc2, gdpr, remediation, report);
    }

    private static void assertComplianceResult(String tool, JsonNode result) {
        if (tool.equals("generate_compliance_report")) {
            assertTrue(result.get("uri").asText().startsWith("secheaders://compliance-reports/"), result::toString);
            assertEquals("application/pdf", result.get("mime_type").asText(), result::toString);
            assertTrue(result.at("/tenants/0/summary/frameworks/0/score").isInt(), result::toString);
            return;
        }
        if (tool.equals("suggest_remediation")) {
            assertTrue(result.get("suggestions").isArray() && result.get("rejected").isArray(), result::toString);
            return;
        }
        assertTrue(result.get("controls").size() > 0, result::toString);
        assertTrue(result.get("score").isInt(), result::toString);
        assertFalse(result.toString().contains("sid=secret"), result::toString);
        if (tool.equals("validate_owasp_compliance")) {
            assertTrue(result.at("/observatory/grade").isTextual(), result::toString);
        }
    }

    private static void assertListsTheFiveTools(JsonNode list) {
        assertListsTools(list, TOOLS);
        // The one write among them must not claim to be read-only: clients skip confirmation for read-only tools.
        assertFalse(StreamSupport.stream(list.get("tools").spliterator(), false)
                .filter(tool -> tool.get("name").asText().equals("track_csp_violation"))
                .findFirst().orElseThrow().at("/annotations/readOnlyHint").asBoolean(), list::toString);
    }

    private static void assertListsTools(JsonNode list, List<String> expected) {
        List<String> names = new ArrayList<>();
        for (JsonNode tool : list.get("tools")) {
            names.add(tool.get("name").asText());
            assertEquals("object", tool.at("/inputSchema/type").asText(), tool::toString);
            assertEquals("object", tool.at("/outputSchema/type").asText(), tool::toString);
            assertTrue(tool.at("/annotations/readOnlyHint").isBoolean(), tool::toString);
        }
        assertEquals(expected.stream().sorted().toList(), names.stream().sorted().toList(), list::toString);
    }

    /** A stdio call of the analytics server that must succeed; returns its structuredContent. */
    private static JsonNode callOk(String tool, ObjectNode arguments) throws IOException, InterruptedException {
        return callOk(stdio(SERVER), tool, arguments);
    }

    private static JsonNode callOk(List<String> target, String tool, ObjectNode arguments)
            throws IOException, InterruptedException {
        JsonNode result = call(target, tool, arguments);
        assertFalse(result.get("isError").asBoolean(), result::toString);
        assertTrue(result.get("structuredContent").isObject(), result::toString);
        return result.get("structuredContent");
    }

    private static JsonNode call(List<String> target, String tool, ObjectNode arguments)
            throws IOException, InterruptedException {
        return inspector.request(target, "--method", "tools/call", "--tool-name", tool,
                "--tool-args-json", JSON.writeValueAsString(arguments));
    }

    /** The Inspector starts the server itself; the data directory reaches it through -e, as a client config would. */
    private static List<String> stdio(String server) {
        List<String> target = new ArrayList<>(List.of("-e", "SECHEADERS_DATA_DIR=" + data.dataDir()));
        target.addAll(SecheadersJar.command());
        target.addAll(List.of("serve", server));
        return target;
    }

    private static String log(HttpServerProcess server) {
        try {
            return server.log();
        } catch (IOException e) {
            return "(server log unreadable: " + e + ")";
        }
    }
}
