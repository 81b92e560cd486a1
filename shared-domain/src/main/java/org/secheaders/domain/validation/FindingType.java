package org.secheaders.domain.validation;

/**
 * What a finding is about. Ids below 900 are the CSP Evaluator's ({@code finding.ts}), so a
 * conformance harness can compare findings by id; ids from 900 up are this project's own
 * (problems the parser sees that the Evaluator's parser silently accepts).
 */
public enum FindingType {
    MISSING_SEMICOLON(100),
    UNKNOWN_DIRECTIVE(101),
    INVALID_KEYWORD(102),
    NONCE_CHARSET(106),

    MISSING_DIRECTIVES(300),
    SCRIPT_UNSAFE_INLINE(301),
    SCRIPT_UNSAFE_EVAL(302),
    PLAIN_URL_SCHEMES(303),
    PLAIN_WILDCARD(304),
    SCRIPT_ALLOWLIST_BYPASS(305),
    OBJECT_ALLOWLIST_BYPASS(306),
    NONCE_LENGTH(307),
    IP_SOURCE(308),
    DEPRECATED_DIRECTIVE(309),
    SRC_HTTP(310),
    SCRIPT_UNSAFE_HASHES(317),

    STRICT_DYNAMIC(400),
    STRICT_DYNAMIC_NOT_STANDALONE(401),
    UNSAFE_INLINE_FALLBACK(403),
    ALLOWLIST_FALLBACK(404),
    IGNORED(405),

    REQUIRE_TRUSTED_TYPES_FOR_SCRIPTS(500),

    REPORTING_DESTINATION_MISSING(600),
    REPORT_TO_ONLY(601),

    DUPLICATE_DIRECTIVE(900),
    NON_ASCII_DIRECTIVE(901),
    INVALID_SOURCE_EXPRESSION(902),
    NONE_WITH_OTHER_SOURCES(903);

    private final int id;

    FindingType(int id) {
        this.id = id;
    }

    /** The numeric id ({@code Type} in the CSP Evaluator for ids below 900). */
    public int id() {
        return id;
    }
}
