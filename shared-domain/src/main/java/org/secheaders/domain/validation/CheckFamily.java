package org.secheaders.domain.validation;

/** The groups of checks a {@link CspValidator} can run, as the CSP Evaluator groups them. */
public enum CheckFamily {
    /** Security and syntax checks, run on the policy as a CSP3 browser enforces it ({@code DEFAULT_CHECKS}). */
    DEFAULT,
    /** Strict-CSP rollout advice: strict-dynamic, fallbacks for old browsers, Trusted Types ({@code STRICTCSP_CHECKS}). */
    STRICT,
    /** Whether violations are reported anywhere ({@code checkHasConfiguredReporting}). */
    REPORTING
}
