package org.secheaders.domain.compliance;

import java.util.Objects;

import org.secheaders.domain.compliance.check.AtomicResult;
import org.secheaders.domain.model.CheckResult;

/**
 * An atomic result as one control used it.
 *
 * @param readAs the result after the control's reading (a failure read as a warning, a warning as a
 *               failure); {@code NOT_APPLICABLE} when the check was not evaluated
 */
public record ControlCheck(AtomicResult atomic, CheckResult readAs) {
    public ControlCheck {
        Objects.requireNonNull(atomic, "atomic");
        Objects.requireNonNull(readAs, "readAs");
    }
}
