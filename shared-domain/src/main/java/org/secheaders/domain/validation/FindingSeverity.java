package org.secheaders.domain.validation;

/**
 * How bad a finding is, with the CSP Evaluator's numeric levels: lower is worse, and the
 * "maybe" levels mark findings that depend on what the allowed hosts actually serve.
 */
public enum FindingSeverity {
    HIGH(10),
    SYNTAX(20),
    MEDIUM(30),
    HIGH_MAYBE(40),
    STRICT_CSP(45),
    MEDIUM_MAYBE(50),
    INFO(60),
    /** Informational only: the policy entry is ignored by the browser, nothing to fix. */
    NONE(100);

    private final int level;

    FindingSeverity(int level) {
        this.level = level;
    }

    public int level() {
        return level;
    }
}
