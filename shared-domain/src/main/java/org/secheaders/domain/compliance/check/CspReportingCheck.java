package org.secheaders.domain.compliance.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.secheaders.domain.csp.CspPolicy;
import org.secheaders.domain.csp.SourceExpression;
import org.secheaders.domain.grading.ResponseHeaders;

/**
 * {@code csp.reporting}: violations of the enforced or report-only policy reach a collector.
 * {@code report-to} needs its group defined by {@code Reporting-Endpoints} (or the legacy
 * {@code Report-To}); {@code report-uri} alone still works but is deprecated in CSP3.
 */
final class CspReportingCheck implements AtomicCheck {
    static final String ID = "csp.reporting";
    static final String REPORTING_ENDPOINTS = "Reporting-Endpoints";
    private static final String REPORT_TO = "Report-To";
    private static final Pattern ENDPOINT_NAME = Pattern.compile("(?:^|,)\\s*([a-z*][a-z0-9_.*-]*)\\s*=");
    private static final Pattern LEGACY_GROUP = Pattern.compile("\"group\"\\s*:\\s*\"([^\"]+)\"");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String expected() {
        return "report-to naming a group defined in Reporting-Endpoints (report-uri alone: warning)";
    }

    @Override
    public String fix() {
        return "Add report-to <group> to the CSP and define the group in Reporting-Endpoints.";
    }

    @Override
    public AtomicResult evaluate(EvaluationContext context) {
        CspEvidence csp = context.csp();
        ResponseHeaders headers = context.response().headers();
        List<String> lines = new ArrayList<>(csp.lines());
        lines.addAll(EvidenceLines.of(headers, REPORTING_ENDPOINTS, REPORT_TO));
        Finding finding = Finding.of(this, csp.observed(), lines);
        List<CspPolicy> policies = Stream.concat(csp.headerPolicies().stream(), csp.reportOnly().stream()).toList();
        Set<String> groups = definedGroups(headers);
        boolean reportTo = false;
        boolean reportUri = false;
        for (CspPolicy policy : policies) {
            for (SourceExpression group : policy.sources("report-to")) {
                if (groups.contains(group.serialize())) {
                    return finding.pass("report_to", "Violations are reported to group '" + group.serialize() + "'.");
                }
                reportTo = true;
            }
            reportUri |= !policy.sources("report-uri").isEmpty();
        }
        if (reportTo) {
            return finding.warn("report_to_group_undefined", "report-to names a group no Reporting-Endpoints header defines.");
        }
        if (reportUri) {
            return finding.warn("report_uri_only", "Only report-uri is used; CSP3 deprecates it in favour of report-to.");
        }
        return finding.fail("no_reporting", "CSP violations are not reported anywhere.");
    }

    private static Set<String> definedGroups(ResponseHeaders headers) {
        Set<String> groups = new TreeSet<>();
        for (String value : headers.values(REPORTING_ENDPOINTS)) {
            Matcher name = ENDPOINT_NAME.matcher(value);
            while (name.find()) {
                groups.add(name.group(1));
            }
        }
        for (String value : headers.values(REPORT_TO)) {
            Matcher group = LEGACY_GROUP.matcher(value);
            boolean named = false;
            while (group.find()) {
                groups.add(group.group(1));
                named = true;
            }
            if (!named && !value.isBlank()) {
                groups.add("default");
            }
        }
        return groups;
    }
}
