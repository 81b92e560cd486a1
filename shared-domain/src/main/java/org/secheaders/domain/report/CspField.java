package org.secheaders.domain.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiConsumer;
import java.util.function.ObjIntConsumer;

/**
 * The CSP report fields, every key spelling seen for them — hyphenated ({@code report-uri}), camelCase
 * ({@code report-to}) and snake_case (polyfills, relay's aliases) — and how each is read into the builder.
 * One table serves both wire formats.
 */
enum CspField {
    DOCUMENT_URI(text(CspViolationReport.Builder::documentUri),
            "document-uri", "documentURL", "documentURI", "document_uri", "document_url"),
    REFERRER(text(CspViolationReport.Builder::referrer), "referrer"),
    BLOCKED_URI(text(CspViolationReport.Builder::blockedUri),
            "blocked-uri", "blockedURL", "blockedURI", "blocked_uri", "blocked_url"),
    EFFECTIVE_DIRECTIVE(text(CspViolationReport.Builder::effectiveDirective),
            "effective-directive", "effectiveDirective", "effective_directive"),
    VIOLATED_DIRECTIVE(text(CspViolationReport.Builder::violatedDirective),
            "violated-directive", "violatedDirective", "violated_directive"),
    ORIGINAL_POLICY(text(CspViolationReport.Builder::originalPolicy),
            "original-policy", "originalPolicy", "original_policy"),
    DISPOSITION(text(CspViolationReport.Builder::disposition), "disposition"),
    SOURCE_FILE(text(CspViolationReport.Builder::sourceFile), "source-file", "sourceFile", "source_file"),
    SAMPLE(text(CspViolationReport.Builder::sample), "script-sample", "sample", "scriptSample", "script_sample"),
    STATUS_CODE(number(CspViolationReport.Builder::statusCode), "status-code", "statusCode", "status_code"),
    LINE_NUMBER(number(CspViolationReport.Builder::lineNumber), "line-number", "lineNumber", "line_number"),
    COLUMN_NUMBER(number(CspViolationReport.Builder::columnNumber), "column-number", "columnNumber", "column_number");

    @FunctionalInterface
    private interface Reader {
        void read(CspViolationReport.Builder builder, String key, JsonNode value) throws ReportParseException;
    }

    private static final Map<String, CspField> BY_KEY = new HashMap<>();

    static {
        for (CspField field : values()) {
            for (String key : field.keys) {
                BY_KEY.put(key, field);
            }
        }
    }

    private final Reader reader;
    private final String[] keys;

    CspField(Reader reader, String... keys) {
        this.reader = reader;
        this.keys = keys;
    }

    static Optional<CspField> forKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    /** Reads a non-null value given under {@code key} into the builder. */
    void read(CspViolationReport.Builder builder, String key, JsonNode value) throws ReportParseException {
        reader.read(builder, key, value);
    }

    private static Reader text(BiConsumer<CspViolationReport.Builder, String> setter) {
        return (builder, key, value) -> setter.accept(builder, JsonValues.text(key, value));
    }

    private static Reader number(ObjIntConsumer<CspViolationReport.Builder> setter) {
        return (builder, key, value) -> {
            OptionalInt number = JsonValues.nonNegativeInt(key, value);
            if (number.isPresent()) {
                setter.accept(builder, number.getAsInt());
            }
        };
    }
}
