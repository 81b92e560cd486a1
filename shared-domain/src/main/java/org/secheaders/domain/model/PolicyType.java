package org.secheaders.domain.model;

/**
 * What a tenant policy row is for. {@link #HEADERS} rows carry a full or partial header set;
 * {@link #CSP} and {@link #CSP_REPORT_ONLY} rows only a policy, so a report-only experiment can
 * be switched on and off without touching the enforced policy; {@link #DRAFT} rows are
 * suggestions (e.g. from remediation) that never apply until a tenant admin activates them.
 */
public enum PolicyType {
    HEADERS, CSP, CSP_REPORT_ONLY, DRAFT;

    public String wireName() {
        return WireEnums.wireName(this);
    }

    public static PolicyType fromWire(String value) {
        return WireEnums.parse(PolicyType.class, value, "policy_type");
    }
}
