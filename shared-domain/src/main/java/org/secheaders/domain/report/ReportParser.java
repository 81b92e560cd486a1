package org.secheaders.domain.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads a report request body. Accepts {@code application/csp-report}, {@code application/reports+json}
 * and {@code application/json}; the JSON shape, not the content type, decides the format, because
 * polyfills and old browsers mix them: {@code {"csp-report": {...}}} is a {@code report-uri} report, an
 * array is a Reporting API batch, and an object with a {@code type} is a single Reporting API report.
 *
 * <p>Never throws on any input: every problem becomes a named {@link ReportError}. A bad report in a batch
 * is skipped with its index; the rest of the batch is kept.
 */
public final class ReportParser {
    private static final Set<String> MEDIA_TYPES =
            Set.of("application/csp-report", "application/reports+json", "application/json");
    private static final String LEGACY_WRAPPER = "csp-report";

    private final ParserLimits limits;
    private final BoundedJsonReader reader;

    public ReportParser() {
        this(ParserLimits.defaults());
    }

    public ReportParser(ParserLimits limits) {
        this.limits = limits;
        this.reader = new BoundedJsonReader(limits);
    }

    /**
     * @param contentType the request's Content-Type header, parameters allowed; may be null
     * @param body        the raw body; may be null
     */
    public ParseResult parse(String contentType, byte[] body) {
        Optional<ReportError> typeError = checkContentType(contentType);
        if (typeError.isPresent()) {
            return ParseResult.rejected(typeError.get());
        }
        if (body == null || body.length == 0) {
            return ParseResult.rejected(ReportError.of(ReportErrorCode.EMPTY_BODY, "the body is empty"));
        }
        if (body.length > limits.maxBodyBytes()) {
            return ParseResult.rejected(ReportError.of(ReportErrorCode.BODY_TOO_LARGE,
                    "the body has " + body.length + " bytes; the limit is " + limits.maxBodyBytes()));
        }
        try {
            return parseRoot(reader.read(body));
        } catch (ReportParseException e) {
            return ParseResult.rejected(e.error());
        }
    }

    private static Optional<ReportError> checkContentType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return Optional.of(ReportError.of(ReportErrorCode.UNSUPPORTED_CONTENT_TYPE,
                    "Content-Type is missing; expected one of " + MEDIA_TYPES));
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .strip().toLowerCase(Locale.ROOT);
        if (!MEDIA_TYPES.contains(mediaType)) {
            return Optional.of(ReportError.of(ReportErrorCode.UNSUPPORTED_CONTENT_TYPE,
                    "Content-Type " + Text.quote(mediaType) + " is not one of " + MEDIA_TYPES));
        }
        return Optional.empty();
    }

    private ParseResult parseRoot(JsonNode root) throws ReportParseException {
        if (root.isArray()) {
            return parseBatch(root);
        }
        if (root.isObject() && root.has(LEGACY_WRAPPER)) {
            return new ParseResult(List.of(parseLegacy(root.get(LEGACY_WRAPPER))), List.of());
        }
        if (root.isObject() && root.has("type")) {
            return new ParseResult(List.of(parseItem(root)), List.of());
        }
        throw new ReportParseException(ReportErrorCode.UNEXPECTED_SHAPE,
                "expected {\"csp-report\": {...}}, an array of reports or a report object; got "
                        + JsonValues.describe(root) + (root.isObject() ? " without a \"csp-report\" or \"type\" key" : ""));
    }

    private ParseResult parseBatch(JsonNode array) throws ReportParseException {
        if (array.size() > limits.maxReports()) {
            throw new ReportParseException(ReportErrorCode.TOO_MANY_REPORTS,
                    "the batch has " + array.size() + " reports; the limit is " + limits.maxReports());
        }
        List<ParsedReport> reports = new ArrayList<>(array.size());
        List<ReportError> errors = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            try {
                reports.add(parseItem(array.get(i)));
            } catch (ReportParseException e) {
                errors.add(e.error().atItem(i));
            }
        }
        return new ParseResult(reports, errors);
    }

    private static CspViolationReport parseLegacy(JsonNode body) throws ReportParseException {
        requireObject(body, LEGACY_WRAPPER);
        return readCspFields(body, CspViolationReport.builder(ReportFormat.REPORT_URI));
    }

    /** One Reporting API report: {@code {type, age, url, user_agent, body}}. */
    private static ParsedReport parseItem(JsonNode item) throws ReportParseException {
        requireObject(item, "report");
        String type = text(item, "type").orElseThrow(() ->
                new ReportParseException(ReportErrorCode.MISSING_FIELD, "type is required"));
        Optional<String> url = text(item, "url");
        JsonNode body = item.get("body");
        if (!type.equals(CspViolationReport.TYPE)) {
            String bodyJson = body == null || body.isNull() ? "{}" : body.toString();
            return new OtherReport(Text.clean(type, 64), url.orElse(""), bodyJson);
        }
        if (body == null || body.isNull()) {
            throw new ReportParseException(ReportErrorCode.MISSING_FIELD, "body is required for type csp-violation");
        }
        requireObject(body, "body");
        CspViolationReport.Builder builder = CspViolationReport.builder(ReportFormat.REPORTING_API);
        // The report's url is the document's URL (w3c/reporting); it stands in when the body omits documentURL.
        url.ifPresent(builder::documentUri);
        Optional<String> userAgent = text(item, "user_agent");
        (userAgent.isPresent() ? userAgent : text(item, "userAgent")).ifPresent(builder::userAgent);
        OptionalLong age = number(item, "age");
        if (age.isPresent()) {
            builder.ageMillis(age.getAsLong());
        }
        return readCspFields(body, builder);
    }

    private static CspViolationReport readCspFields(JsonNode body, CspViolationReport.Builder builder)
            throws ReportParseException {
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            Optional<CspField> known = CspField.forKey(field.getKey());
            if (known.isPresent() && !field.getValue().isNull()) {
                known.get().read(builder, field.getKey(), field.getValue());
            }
        }
        Optional<ReportError> error = builder.validate();
        if (error.isPresent()) {
            throw new ReportParseException(error.get());
        }
        return builder.build();
    }

    private static Optional<String> text(JsonNode object, String key) throws ReportParseException {
        JsonNode value = object.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(JsonValues.text(key, value)).filter(s -> !s.isBlank());
    }

    private static OptionalLong number(JsonNode object, String key) throws ReportParseException {
        JsonNode value = object.get(key);
        return value == null || value.isNull() ? OptionalLong.empty() : JsonValues.nonNegativeLong(key, value);
    }

    private static void requireObject(JsonNode node, String name) throws ReportParseException {
        if (!node.isObject()) {
            throw new ReportParseException(ReportErrorCode.WRONG_TYPE, name + ": expected an object, got " + JsonValues.describe(node));
        }
    }
}
