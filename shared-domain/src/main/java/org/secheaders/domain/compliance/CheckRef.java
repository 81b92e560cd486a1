package org.secheaders.domain.compliance;

import java.util.Objects;
import java.util.Optional;

import org.secheaders.domain.model.CheckResult;

/**
 * A control's use of an atomic check, with how the control reads it.
 *
 * @param check          the atomic check id
 * @param minLevel       ASVS level from which the check counts in this control (1: always)
 * @param onlyIn         the ASVS edition the check counts in, when only one states it
 * @param failAsWarning  a failure of the check only warns in this control (the control's text is a "should")
 * @param warningAsFail  a warning of the check fails this control (the control's text demands more)
 */
public record CheckRef(String check, int minLevel, Optional<AsvsVersion> onlyIn, boolean failAsWarning,
                       boolean warningAsFail) {

    public CheckRef {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(onlyIn, "onlyIn");
        if (minLevel < 1 || minLevel > 3) {
            throw new IllegalArgumentException(check + ": minLevel must be 1, 2 or 3, was " + minLevel);
        }
    }

    public static CheckRef of(String check) {
        return new CheckRef(check, 1, Optional.empty(), false, false);
    }

    /** Whether the check counts for the tenant's ASVS edition and level. */
    public boolean appliesTo(EvaluationOptions options) {
        return options.asvsLevel() >= minLevel && onlyIn.map(v -> v == options.asvsVersion()).orElse(true);
    }

    /** The check's result as this control reads it. */
    public CheckResult adjust(CheckResult result) {
        if (result == CheckResult.FAIL && failAsWarning) {
            return CheckResult.WARNING;
        }
        if (result == CheckResult.WARNING && warningAsFail) {
            return CheckResult.FAIL;
        }
        return result;
    }
}
