package org.secheaders.analytics.service;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * A security report before rendering. Text in it is raw (browser-supplied values included); each
 * renderer escapes for its format.
 *
 * @param keyFacts the executive summary as label/value lines, for the human-readable formats
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReportDocument(
        String title,
        String scope,
        TimeRange period,
        Instant generatedAt,
        ExecutiveSummary summary,
        List<KeyFact> keyFacts,
        List<ReportTable> sections) {

    public record KeyFact(String label, String value) {
    }
}
