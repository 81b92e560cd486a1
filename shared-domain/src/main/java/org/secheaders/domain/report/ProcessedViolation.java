package org.secheaders.domain.report;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.secheaders.domain.model.SecurityViolation;
import org.secheaders.domain.model.SecuritySeverity;
import org.secheaders.domain.model.ThreatClassification;
import org.secheaders.domain.model.ViolationType;

/**
 * A violation ready to store: the first report of a dedupe window with its verdict. The accessors name
 * the SecurityViolation columns they fill.
 *
 * @param receivedAt     the dedupe window's start; a later {@link DuplicateTally} refers to it
 * @param duplicateCount identical reports in the same request, this one included; later ones arrive as tallies
 * @param dedupeKey      stable 32-hex-digit key of identical reports
 * @param metadata       extra string facts: report_format, rule_set, reason, evidence, and when known
 *                       status_code, age_ms, policy_hash, trusted_types_sink, sample_truncated, os_family,
 *                       noise_rule
 */
public record ProcessedViolation(
        long tenantId,
        Instant receivedAt,
        NormalizedReport report,
        Verdict verdict,
        int duplicateCount,
        String dedupeKey,
        Map<String, String> metadata) {

    /** The metadata key of {@link #dedupeKey()} in a stored row. */
    public static final String DEDUPE_KEY = "dedupe_key";

    public ProcessedViolation {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        metadata = Map.copyOf(metadata);
        if (duplicateCount < 1) {
            throw new IllegalArgumentException("duplicateCount must be at least 1, was " + duplicateCount);
        }
    }

    public ViolationType violationType() {
        return verdict.violationType();
    }

    public String policyDirective() {
        return report.directive();
    }

    public String blockedUri() {
        return report.blocked().value();
    }

    public String documentUri() {
        return report.document().value();
    }

    public Optional<String> referrer() {
        return report.referrer().map(SanitizedUri::value);
    }

    /** The reduced user agent, e.g. {@code Firefox 128 (Linux)}. */
    public String userAgent() {
        return report.userAgent().display();
    }

    public BrowserFamily browserFamily() {
        return report.userAgent().family();
    }

    public OptionalInt browserMajorVersion() {
        return report.userAgent().majorVersion();
    }

    public Optional<String> sourceFile() {
        return report.sourceFile().map(SanitizedUri::value);
    }

    public OptionalInt lineNumber() {
        return report.lineNumber();
    }

    public OptionalInt columnNumber() {
        return report.columnNumber();
    }

    public SecuritySeverity severity() {
        return verdict.severity();
    }

    public ThreatClassification classification() {
        return verdict.classification();
    }

    public String ruleId() {
        return verdict.ruleId();
    }

    public Disposition disposition() {
        return report.disposition();
    }

    /** At most 40 characters, attacker-controlled: escape wherever it is shown. */
    public Optional<String> sample() {
        return report.sample().map(Sample::text);
    }

    /**
     * The row to store. Its metadata is the pipeline's plus what has no column of its own:
     * {@code disposition}, {@code browser_family}, {@code browser_major_version}, {@code sample}
     * (escape wherever shown), {@code duplicate_count} and {@code dedupe_key}, which a later
     * {@link DuplicateTally} refers to together with {@code receivedAt}.
     */
    public SecurityViolation.Draft toDraft() {
        return toDraft(Map.of());
    }

    /**
     * The row to store, with further metadata of the caller's (e.g. the collector's occurrence counts
     * and log position) added to {@link #toDraft()}'s.
     */
    public SecurityViolation.Draft toDraft(Map<String, ?> extraMetadata) {
        Map<String, Object> stored = new TreeMap<>(metadata);
        stored.put("disposition", disposition().wireName());
        stored.put("browser_family", browserFamily().wireName());
        browserMajorVersion().ifPresent(version -> stored.put("browser_major_version", version));
        sample().ifPresent(text -> stored.put("sample", text));
        stored.put("duplicate_count", duplicateCount);
        stored.put(DEDUPE_KEY, dedupeKey);
        stored.putAll(extraMetadata);
        return new SecurityViolation.Draft(tenantId, violationType(), policyDirective(), Optional.of(blockedUri()),
                documentUri(), referrer(), Optional.of(userAgent()), sourceFile(), boxed(lineNumber()),
                boxed(columnNumber()), severity(), classification(), Optional.of(ruleId()), stored, receivedAt);
    }

    private static Optional<Integer> boxed(OptionalInt value) {
        return value.isPresent() ? Optional.of(value.getAsInt()) : Optional.empty();
    }
}
