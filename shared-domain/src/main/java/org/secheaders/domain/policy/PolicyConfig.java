package org.secheaders.domain.policy;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What one tenant policy row sets (the {@code policy_config} JSON column); the platform file uses the
 * same shape for its baseline. Every part is optional; how it combines with the platform baseline is
 * decided by the row's inheritance mode and type (see {@link PolicyResolver}). Values are kept as
 * written and validated when resolved: bad entries are refused and reported, never emitted.
 *
 * @param csp                directive name → source tokens for the enforced policy
 * @param cspReportOnly      directive name → source tokens for a report-only policy (may coexist with the enforced one)
 * @param headers            other security header values by header name (e.g. {@code Referrer-Policy})
 * @param removeHeaders      extra response headers to strip (added to the platform's list)
 * @param reportingEndpoints Reporting-Endpoints group name → URL
 */
public record PolicyConfig(
        Map<String, List<String>> csp,
        Map<String, List<String>> cspReportOnly,
        Map<String, String> headers,
        List<String> removeHeaders,
        Map<String, String> reportingEndpoints) {

    public PolicyConfig {
        csp = Copies.map(csp, "csp", tokens -> Copies.list(tokens, "csp"));
        cspReportOnly = Copies.map(cspReportOnly, "cspReportOnly", tokens -> Copies.list(tokens, "cspReportOnly"));
        headers = Copies.map(headers, "headers", UnaryOperator.identity());
        removeHeaders = Copies.list(removeHeaders, "removeHeaders");
        reportingEndpoints = Copies.map(reportingEndpoints, "reportingEndpoints", UnaryOperator.identity());
    }

    public static PolicyConfig empty() {
        return new PolicyConfig(null, null, null, null, null);
    }

    public static PolicyConfig fromJson(String json) {
        return PolicyJson.read(json, PolicyConfig.class);
    }

    public String toJson() {
        return PolicyJson.write(this);
    }
}
