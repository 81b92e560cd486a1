package org.secheaders.domain.compliance.remediation;

import java.util.Objects;

import org.secheaders.domain.model.ComplianceFramework;

/** A framework's compliance score before and after. */
public record ScoreChange(ComplianceFramework framework, int before, int after) {
    public ScoreChange {
        Objects.requireNonNull(framework, "framework");
    }

    public int delta() {
        return after - before;
    }
}
