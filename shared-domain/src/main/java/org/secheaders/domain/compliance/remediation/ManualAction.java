package org.secheaders.domain.compliance.remediation;

import java.util.List;
import java.util.Objects;

/**
 * A failing check no validated header change fixes: server behaviour (redirects, CORS), process
 * (scans, approvals), code (cookie names), or a proposal that validation rejected.
 *
 * @param controls the controls it holds back
 * @param reason   why no header change is suggested
 */
public record ManualAction(String checkId, String fix, List<String> controls, String reason) {
    public ManualAction {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(fix, "fix");
        controls = List.copyOf(controls);
        Objects.requireNonNull(reason, "reason");
    }
}
