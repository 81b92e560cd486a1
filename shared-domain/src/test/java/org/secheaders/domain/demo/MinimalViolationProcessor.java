package org.secheaders.domain.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.secheaders.domain.model.SecurityViolation;
import org.secheaders.domain.model.SecuritySeverity;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.model.ThreatClassification;
import org.secheaders.domain.model.ViolationType;

/**
 * A stand-in for the report pipeline in tests: parses both wire formats and stores every violation
 * unclassified. It deliberately does no noise filtering or classification; the real pipeline does.
 */
final class MinimalViolationProcessor implements ViolationProcessor {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public List<SecurityViolation.Draft> process(Tenant tenant, List<DemoReport> reports) {
        List<SecurityViolation.Draft> drafts = new ArrayList<>();
        for (DemoReport report : reports) {
            JsonNode root = parse(report.body());
            if (report.format() == ReportFormat.LEGACY_CSP_REPORT) {
                drafts.add(draft(tenant, report, new Fields(root.get("csp-report"), "blocked-uri", "document-uri",
                        "referrer", "source-file", "line-number", "column-number", "script-sample", "disposition")));
            } else {
                root.forEach(item -> drafts.add(draft(tenant, report, new Fields(item.get("body"), "blockedURL",
                        "documentURL", "referrer", "sourceFile", "lineNumber", "columnNumber", "sample", "disposition"))));
            }
        }
        return drafts;
    }

    /** Where a wire format keeps each field. */
    private record Fields(JsonNode body, String blocked, String document, String referrer, String sourceFile,
                          String line, String column, String sample, String disposition) {
        Optional<String> text(String key) {
            JsonNode node = body.get(key);
            return node == null || node.isNull() || node.asText().isEmpty() ? Optional.empty() : Optional.of(node.asText());
        }

        Optional<Integer> number(String key) {
            JsonNode node = body.get(key);
            return node == null || node.isNull() ? Optional.empty() : Optional.of(node.asInt());
        }

        /** effective-directive, else the first token of violated-directive (pre-CSP3 Firefox). */
        String directive() {
            return text("effectiveDirective").or(() -> text("effective-directive"))
                    .orElseGet(() -> text("violated-directive").orElseThrow().split(" ")[0]);
        }
    }

    private static SecurityViolation.Draft draft(Tenant tenant, DemoReport report, Fields fields) {
        return new SecurityViolation.Draft(tenant.id(), ViolationType.CSP, fields.directive(),
                fields.text(fields.blocked()), fields.text(fields.document()).orElseThrow(),
                fields.text(fields.referrer()), Optional.ofNullable(report.userAgent()),
                fields.text(fields.sourceFile()), fields.number(fields.line()), fields.number(fields.column()),
                SecuritySeverity.LOW, ThreatClassification.UNKNOWN, Optional.empty(),
                Map.of("disposition", fields.text(fields.disposition()).orElse("enforce"),
                        "sample", fields.text(fields.sample()).orElse("")),
                report.receivedAt());
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("report body is not JSON", e);
        }
    }
}
