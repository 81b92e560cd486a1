package org.secheaders.domain.repo;

/** Columns violations can be counted by; rows with no value in the column are not counted. */
public enum ViolationGrouping {
    DIRECTIVE("policy_directive"),
    BLOCKED_URI("blocked_uri"),
    BLOCKED_HOST("blocked_host"),
    DOCUMENT_URI("document_uri"),
    VIOLATION_TYPE("violation_type"),
    SEVERITY("severity_level"),
    CLASSIFICATION("threat_classification");

    private final String column;

    ViolationGrouping(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }
}
