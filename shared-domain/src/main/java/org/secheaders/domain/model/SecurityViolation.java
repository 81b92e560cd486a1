package org.secheaders.domain.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One stored browser report (CSP, XSS auditor, framing, MIME sniffing) after classification.
 *
 * @param policyDirective      the effective directive that blocked the load, e.g. {@code script-src-elem}
 * @param classificationRule   id and version of the rule that decided the classification,
 *                             e.g. {@code inline-script@2}; empty while unclassified
 * @param metadata             report extras: disposition, sample, status code, duplicate count,
 *                             browser family, ... (JSON object)
 * @param createdAt            when the report was received
 */
public record SecurityViolation(
        long id,
        long tenantId,
        ViolationType violationType,
        String policyDirective,
        Optional<String> blockedUri,
        String documentUri,
        Optional<String> referrer,
        Optional<String> userAgent,
        Optional<String> sourceFile,
        Optional<Integer> lineNumber,
        Optional<Integer> columnNumber,
        SecuritySeverity severityLevel,
        ThreatClassification threatClassification,
        Optional<String> classificationRule,
        Optional<Instant> resolvedAt,
        Optional<String> resolutionNotes,
        Map<String, Object> metadata,
        Instant createdAt,
        Instant updatedAt) {

    public SecurityViolation {
        metadata = Values.jsonMap(metadata);
    }

    public boolean isResolved() {
        return resolvedAt.isPresent();
    }

    /** A classified report ready to be stored; {@code receivedAt} becomes {@code created_at}. */
    public record Draft(
            long tenantId,
            ViolationType violationType,
            String policyDirective,
            Optional<String> blockedUri,
            String documentUri,
            Optional<String> referrer,
            Optional<String> userAgent,
            Optional<String> sourceFile,
            Optional<Integer> lineNumber,
            Optional<Integer> columnNumber,
            SecuritySeverity severityLevel,
            ThreatClassification threatClassification,
            Optional<String> classificationRule,
            Map<String, Object> metadata,
            Instant receivedAt) {

        public Draft {
            Values.require(violationType, "violation_type");
            Values.requireText(policyDirective, "policy_directive");
            Values.require(blockedUri, "blocked_uri");
            Values.requireText(documentUri, "document_uri");
            Values.require(referrer, "referrer");
            Values.require(userAgent, "user_agent");
            Values.require(sourceFile, "source_file");
            Values.require(lineNumber, "line_number");
            Values.require(columnNumber, "column_number");
            Values.require(severityLevel, "severity_level");
            Values.require(threatClassification, "threat_classification");
            Values.require(classificationRule, "classification_rule");
            metadata = Values.jsonMap(metadata);
            Values.require(receivedAt, "received_at");
        }

        /** This row with {@code more} added to its metadata (replacing entries of the same key). */
        public Draft withMetadata(Map<String, Object> more) {
            Map<String, Object> merged = new LinkedHashMap<>(metadata);
            merged.putAll(more);
            return new Draft(tenantId, violationType, policyDirective, blockedUri, documentUri, referrer, userAgent,
                    sourceFile, lineNumber, columnNumber, severityLevel, threatClassification, classificationRule,
                    merged, receivedAt);
        }
    }
}
