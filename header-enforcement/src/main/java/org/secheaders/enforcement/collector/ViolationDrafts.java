package org.secheaders.enforcement.collector;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.secheaders.domain.model.SecurityViolation;
import org.secheaders.domain.report.ProcessedViolation;

/**
 * A processed violation as a row. Facts without a column of their own go to the metadata next to the
 * pipeline's ({@code report_format}, {@code rule_set}, {@code reason}, {@code evidence}, ...):
 * {@code dedupe_key} (how duplicates find the row), {@code disposition}, {@code sample} (at most 40
 * characters, attacker-controlled: escape it wherever it is shown), {@code browser_family},
 * {@code browser_major_version}, {@code wal_position} (the log record it came from) and the
 * {@link Occurrences} counts.
 */
final class ViolationDrafts {
    static final String DEDUPE_KEY = "dedupe_key";

    private ViolationDrafts() {
    }

    static SecurityViolation.Draft draft(ProcessedViolation violation, long walPosition, Occurrences occurrences) {
        Map<String, Object> metadata = new HashMap<>(violation.metadata());
        metadata.put(DEDUPE_KEY, violation.dedupeKey());
        metadata.put("disposition", violation.disposition().wireName());
        violation.sample().ifPresent(sample -> metadata.put("sample", sample));
        metadata.put("browser_family", violation.browserFamily().wireName());
        violation.browserMajorVersion().ifPresent(version -> metadata.put("browser_major_version", version));
        metadata.put("wal_position", walPosition);
        occurrences.writeTo(metadata);
        return new SecurityViolation.Draft(
                violation.tenantId(),
                violation.violationType(),
                violation.policyDirective(),
                Optional.of(violation.blockedUri()),
                violation.documentUri(),
                violation.referrer(),
                Optional.of(violation.userAgent()),
                violation.sourceFile(),
                boxed(violation.lineNumber()),
                boxed(violation.columnNumber()),
                violation.severity(),
                violation.classification(),
                Optional.of(violation.ruleId()),
                metadata,
                violation.receivedAt());
    }

    private static Optional<Integer> boxed(OptionalInt value) {
        return value.isPresent() ? Optional.of(value.getAsInt()) : Optional.empty();
    }
}
