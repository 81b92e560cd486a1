package org.secheaders.platform.auth;

import org.secheaders.domain.model.WireEnums;

/** The kinds of data a tool or resource touches; the columns of the {@link AccessMatrix}. */
public enum ResourceCategory {
    /** CSP/header violation reports and the incidents built from them. */
    VIOLATIONS,
    /** Performance and security metrics. */
    METRICS,
    /** Compliance checks, findings and reports. */
    COMPLIANCE,
    /** Tenant security policies (headers, CSP, overrides). */
    TENANT_POLICIES,
    /** Platform configuration: baseline, tokens, server settings. */
    SYSTEM_CONFIG;

    public String wireName() {
        return WireEnums.wireName(this);
    }
}
