package org.secheaders.domain.compliance.run;

/**
 * Evaluates one tenant and records the result: {@code ComplianceCheck} rows (with audit entries),
 * the next due time per framework, and the transitions against the previous results. Used by the
 * compliance tools, the in-server scheduler and {@code secheaders compliance run --due}.
 */
@FunctionalInterface
public interface TenantComplianceChecker {

    /**
     * @throws IllegalArgumentException when the tenant does not exist or the target cannot be judged
     */
    CheckRun check(CheckRequest request);
}
