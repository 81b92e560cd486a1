/**
 * Running compliance checks for stored tenants: gathering evidence (configuration, a live URL,
 * supplied headers, history), evaluating, persisting {@code ComplianceCheck} rows with their audit
 * entries and schedule, and noticing controls that went from pass to fail.
 */
package org.secheaders.domain.compliance.run;
