package org.secheaders.platform.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.secheaders.platform.PlatformJson;

/** Command lines to paste for trying a running HTTP server: the MCP Inspector CLI, and curl posting a CSP report. */
public final class ConnectionHints {

    /** Pinned like the end-to-end tests: its flags are what the hint uses. */
    public static final String INSPECTOR = "@modelcontextprotocol/inspector@2.12.0";

    private ConnectionHints() {
    }

    /**
     * {@code npx -y <inspector> --cli <url> --transport http --header "Authorization: Bearer <token>" <request...>},
     * e.g. with request {@code --method tools/list}.
     */
    public static String inspector(URI mcpUrl, String token, List<String> request) {
        List<String> words = new ArrayList<>(List.of("npx", "-y", INSPECTOR, "--cli", mcpUrl.toString(),
                "--transport", mcpUrl.getPath().endsWith("/sse") ? "sse" : "http",
                "--header", "Authorization: Bearer " + token));
        words.addAll(request);
        return ShellQuote.join(words);
    }

    /** A browser's legacy {@code report-uri} POST: an external script blocked on the tenant's checkout page. */
    public static String curlCspReport(URI tenantCollectorUrl, String tenantDomain) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("document-uri", "https://" + tenantDomain + "/checkout");
        report.put("violated-directive", "script-src-elem");
        report.put("effective-directive", "script-src-elem");
        report.put("original-policy", "script-src https://" + tenantDomain);
        report.put("disposition", "enforce");
        report.put("blocked-uri", "https://skimmer.example/pay.js");
        report.put("status-code", 200);
        String body;
        try {
            body = PlatformJson.mapper().writeValueAsString(Map.of("csp-report", report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
        return ShellQuote.join(List.of("curl", "-i", "-X", "POST", tenantCollectorUrl.toString(),
                "-H", "Content-Type: application/csp-report", "--data", body));
    }
}
