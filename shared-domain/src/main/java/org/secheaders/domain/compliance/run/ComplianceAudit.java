package org.secheaders.domain.compliance.run;

/** Audit-log vocabulary of compliance runs; {@link HistoryReader} reads back what the service writes. */
public final class ComplianceAudit {

    /** One entry per check run (besides the repository's {@code compliance.check} entry per control). */
    public static final String RUN_ACTION = "compliance.run";
    /** A remediation saved as a draft policy: it acknowledges the failures it addresses. */
    public static final String DRAFT_ACTION = "compliance.remediation_draft";
    public static final String TENANT_TARGET = "tenant";

    /** Run details: control id → severity of each failing control. */
    static final String FAILED = "failed";
    /** Run details: ids of the passing controls. */
    static final String PASSED = "passed";
    /** Draft details: ids of the controls the draft addresses. */
    public static final String CONTROLS = "controls";

    private ComplianceAudit() {
    }
}
