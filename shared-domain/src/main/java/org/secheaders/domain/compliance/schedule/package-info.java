/**
 * Scheduled compliance checks: finding the (tenant, framework) pairs that are due, claiming them so
 * that one of several instances runs each, running them through a
 * {@link org.secheaders.domain.compliance.run.TenantComplianceChecker}, storing pass→fail
 * transitions as non-compliance events and posting those to a webhook. Used by the compliance
 * server's scheduler and by {@code secheaders compliance run --due}; see docs/COMPLIANCE_SCHEDULING.md.
 */
package org.secheaders.domain.compliance.schedule;
