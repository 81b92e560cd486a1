package org.secheaders.domain.report;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The CSP report fields and every key spelling seen for them: hyphenated ({@code report-uri}), camelCase
 * ({@code report-to}) and snake_case (polyfills, relay's aliases). One table serves both wire formats.
 */
enum CspField {
    DOCUMENT_URI(Kind.TEXT, "document-uri", "documentURL", "documentURI", "document_uri", "document_url"),
    REFERRER(Kind.TEXT, "referrer"),
    BLOCKED_URI(Kind.TEXT, "blocked-uri", "blockedURL", "blockedURI", "blocked_uri", "blocked_url"),
    EFFECTIVE_DIRECTIVE(Kind.TEXT, "effective-directive", "effectiveDirective", "effective_directive"),
    VIOLATED_DIRECTIVE(Kind.TEXT, "violated-directive", "violatedDirective", "violated_directive"),
    ORIGINAL_POLICY(Kind.TEXT, "original-policy", "originalPolicy", "original_policy"),
    DISPOSITION(Kind.TEXT, "disposition"),
    SOURCE_FILE(Kind.TEXT, "source-file", "sourceFile", "source_file"),
    SAMPLE(Kind.TEXT, "script-sample", "sample", "scriptSample", "script_sample"),
    STATUS_CODE(Kind.NUMBER, "status-code", "statusCode", "status_code"),
    LINE_NUMBER(Kind.NUMBER, "line-number", "lineNumber", "line_number"),
    COLUMN_NUMBER(Kind.NUMBER, "column-number", "columnNumber", "column_number");

    enum Kind { TEXT, NUMBER }

    private static final Map<String, CspField> BY_KEY = new HashMap<>();

    static {
        for (CspField field : values()) {
            for (String key : field.keys) {
                BY_KEY.put(key, field);
            }
        }
    }

    private final Kind kind;
    private final String[] keys;

    CspField(Kind kind, String... keys) {
        this.kind = kind;
        this.keys = keys;
    }

    Kind kind() {
        return kind;
    }

    static Optional<CspField> forKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }
}
