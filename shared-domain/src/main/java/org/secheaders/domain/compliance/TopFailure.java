package org.secheaders.domain.compliance;

import java.util.List;
import java.util.Objects;

import org.secheaders.domain.model.CheckResult;
import org.secheaders.domain.model.SecuritySeverity;

/**
 * A root cause: one atomic check that makes controls fail or warn, with every control it affects.
 *
 * @param result      fail, or warning when it only makes controls warn
 * @param severity    the highest severity among the affected controls
 * @param controls    affected control ids, most severe first
 * @param message     what the check found
 * @param remediation what to change, from the check itself
 */
public record TopFailure(String checkId, CheckResult result, SecuritySeverity severity, List<String> controls,
                         String message, String remediation) {
    public TopFailure {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(severity, "severity");
        controls = List.copyOf(controls);
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(remediation, "remediation");
    }
}
