package org.secheaders.domain.repo;

/**
 * Columns violations can be counted by. {@link ViolationRepository#countBy} leaves out rows with no
 * value in the column; the multi-column groupings keep them.
 */
public enum ViolationGrouping {
    TENANT("tenant_id"),
    DIRECTIVE("policy_directive"),
    BLOCKED_URI("blocked_uri"),
    BLOCKED_HOST("blocked_host"),
    /**
     * What was blocked, as the anomaly detector groups it: the host, or the blocked value itself when
     * it has none ({@code inline}, {@code eval}, {@code data:}).
     */
    BLOCKED_RESOURCE("COALESCE(blocked_host, blocked_uri)"),
    DOCUMENT_URI("document_uri"),
    SOURCE_FILE("source_file"),
    VIOLATION_TYPE("violation_type"),
    SEVERITY("severity_level"),
    CLASSIFICATION("threat_classification");

    private final String column;

    ViolationGrouping(String column) {
        this.column = column;
    }

    /** A column, or an expression over columns. */
    String column() {
        return column;
    }
}
