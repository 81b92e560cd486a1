package org.secheaders.domain.report;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * A CSP violation as the browser sent it, field by field, before normalization. Values are raw and
 * attacker-controlled; only {@link ReportNormalizer} output is fit to store.
 *
 * <p>Required: the document URI and a directive ({@code effective-directive}, else the first token of
 * {@code violated-directive}, which old Firefox sent with its source list).
 */
public record CspViolationReport(
        ReportFormat format,
        String documentUri,
        Optional<String> referrer,
        Optional<String> blockedUri,
        Optional<String> effectiveDirective,
        Optional<String> violatedDirective,
        Optional<String> originalPolicy,
        Optional<String> disposition,
        Optional<String> sourceFile,
        Optional<String> sample,
        OptionalInt statusCode,
        OptionalInt lineNumber,
        OptionalInt columnNumber,
        Optional<String> userAgent,
        OptionalLong ageMillis) implements ParsedReport {

    public static final String TYPE = "csp-violation";
    private static final Pattern DIRECTIVE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,63}");

    public CspViolationReport {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(documentUri, "documentUri");
        Objects.requireNonNull(referrer, "referrer");
        Objects.requireNonNull(blockedUri, "blockedUri");
        Objects.requireNonNull(effectiveDirective, "effectiveDirective");
        Objects.requireNonNull(violatedDirective, "violatedDirective");
        Objects.requireNonNull(originalPolicy, "originalPolicy");
        Objects.requireNonNull(disposition, "disposition");
        Objects.requireNonNull(sourceFile, "sourceFile");
        Objects.requireNonNull(sample, "sample");
        Objects.requireNonNull(statusCode, "statusCode");
        Objects.requireNonNull(lineNumber, "lineNumber");
        Objects.requireNonNull(columnNumber, "columnNumber");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(ageMillis, "ageMillis");
        validate(documentUri, effectiveDirective, violatedDirective).ifPresent(error -> {
            throw new IllegalArgumentException(error.message());
        });
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** The directive name this report is about: effective-directive, else violated-directive's first token. */
    public String directive() {
        return directiveText(effectiveDirective, violatedDirective).map(CspViolationReport::firstToken).orElseThrow();
    }

    public static Builder builder(ReportFormat format) {
        return new Builder(format);
    }

    static Optional<ReportError> validate(
            String documentUri, Optional<String> effectiveDirective, Optional<String> violatedDirective) {
        if (documentUri.isBlank()) {
            return Optional.of(ReportError.of(ReportErrorCode.MISSING_FIELD, "document-uri (documentURL) is required"));
        }
        Optional<String> directive = directiveText(effectiveDirective, violatedDirective);
        if (directive.isEmpty()) {
            return Optional.of(ReportError.of(ReportErrorCode.MISSING_FIELD,
                    "effective-directive (effectiveDirective) or violated-directive is required"));
        }
        if (!DIRECTIVE_NAME.matcher(firstToken(directive.get())).matches()) {
            return Optional.of(ReportError.of(ReportErrorCode.INVALID_VALUE,
                    "directive " + Text.quote(directive.get()) + " does not start with a directive name"));
        }
        return Optional.empty();
    }

    private static Optional<String> directiveText(Optional<String> effective, Optional<String> violated) {
        return effective.filter(s -> !s.isBlank()).or(() -> violated.filter(s -> !s.isBlank()));
    }

    private static String firstToken(String directive) {
        String trimmed = directive.strip();
        int end = 0;
        while (end < trimmed.length() && !Character.isWhitespace(trimmed.charAt(end))) {
            end++;
        }
        return trimmed.substring(0, end);
    }

    /** Builds a report from structured fields (the MCP tool) or from parsed JSON. Blank strings count as absent. */
    public static final class Builder {
        private final ReportFormat format;
        private String documentUri = "";
        private Optional<String> referrer = Optional.empty();
        private Optional<String> blockedUri = Optional.empty();
        private Optional<String> effectiveDirective = Optional.empty();
        private Optional<String> violatedDirective = Optional.empty();
        private Optional<String> originalPolicy = Optional.empty();
        private Optional<String> disposition = Optional.empty();
        private Optional<String> sourceFile = Optional.empty();
        private Optional<String> sample = Optional.empty();
        private OptionalInt statusCode = OptionalInt.empty();
        private OptionalInt lineNumber = OptionalInt.empty();
        private OptionalInt columnNumber = OptionalInt.empty();
        private Optional<String> userAgent = Optional.empty();
        private OptionalLong ageMillis = OptionalLong.empty();

        private Builder(ReportFormat format) {
            this.format = Objects.requireNonNull(format, "format");
        }

        public Builder documentUri(String value) {
            if (!Objects.requireNonNull(value, "documentUri").isBlank()) {
                documentUri = value;
            }
            return this;
        }

        public Builder referrer(String value) {
            referrer = present(value);
            return this;
        }

        /** Kept even when blank: an empty blocked-uri is how old browsers reported inline and eval. */
        public Builder blockedUri(String value) {
            blockedUri = Optional.of(Objects.requireNonNull(value, "blockedUri"));
            return this;
        }

        public Builder effectiveDirective(String value) {
            effectiveDirective = present(value);
            return this;
        }

        public Builder violatedDirective(String value) {
            violatedDirective = present(value);
            return this;
        }

        public Builder originalPolicy(String value) {
            originalPolicy = present(value);
            return this;
        }

        public Builder disposition(String value) {
            disposition = present(value);
            return this;
        }

        public Builder sourceFile(String value) {
            sourceFile = present(value);
            return this;
        }

        public Builder sample(String value) {
            sample = present(value);
            return this;
        }

        public Builder statusCode(int value) {
            statusCode = OptionalInt.of(value);
            return this;
        }

        public Builder lineNumber(int value) {
            lineNumber = OptionalInt.of(value);
            return this;
        }

        public Builder columnNumber(int value) {
            columnNumber = OptionalInt.of(value);
            return this;
        }

        public Builder userAgent(String value) {
            userAgent = present(value);
            return this;
        }

        public Builder ageMillis(long value) {
            ageMillis = OptionalLong.of(value);
            return this;
        }

        /** The error {@link #build()} would throw for, if any. */
        public Optional<ReportError> validate() {
            return CspViolationReport.validate(documentUri, effectiveDirective, violatedDirective);
        }

        /** @throws IllegalArgumentException naming the missing or invalid field */
        public CspViolationReport build() {
            return new CspViolationReport(format, documentUri, referrer, blockedUri, effectiveDirective,
                    violatedDirective, originalPolicy, disposition, sourceFile, sample, statusCode, lineNumber,
                    columnNumber, userAgent, ageMillis);
        }

        private static Optional<String> present(String value) {
            return Optional.ofNullable(value).filter(s -> !s.isBlank());
        }
    }
}
