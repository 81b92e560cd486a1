package org.secheaders.domain.report;

import java.util.Objects;

/** The tenant a batch of reports belongs to, with its noise rules and classification context (built once, cached). */
public record ReportTenant(long id, NoiseRules noiseRules, ClassificationContext context) {
    public ReportTenant {
        Objects.requireNonNull(noiseRules, "noiseRules");
        Objects.requireNonNull(context, "context");
    }

    /** Default noise list, no tenant knowledge. */
    public static ReportTenant withDefaults(long id) {
        return new ReportTenant(id, NoiseRules.defaults(), ClassificationContext.none());
    }
}
