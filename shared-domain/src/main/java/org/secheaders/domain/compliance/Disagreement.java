package org.secheaders.domain.compliance;

import java.util.Objects;

/**
 * A point on which the Observatory and the CSP validator disagree about this response's policy:
 * reported, never resolved silently.
 *
 * @param observatory the Observatory's CSP result, e.g. {@code csp-header-invalid (-25, fail)}
 * @param validator   the validator findings involved, e.g. {@code 401 STRICT_DYNAMIC_NOT_STANDALONE (INFO) on script-src}
 * @param explanation why they differ
 * @param position    how this evaluation decides
 */
public record Disagreement(DisagreementKind kind, String observatory, String validator, String explanation,
                           String position) {
    public Disagreement {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(observatory, "observatory");
        Objects.requireNonNull(validator, "validator");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(position, "position");
    }

    static Disagreement of(DisagreementKind kind, String observatory, String validator) {
        return new Disagreement(kind, observatory, validator, kind.explanation(), kind.position());
    }
}
