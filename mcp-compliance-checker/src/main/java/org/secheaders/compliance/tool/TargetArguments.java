package org.secheaders.compliance.tool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.secheaders.domain.compliance.run.ComplianceTarget;
import org.secheaders.domain.grading.HeaderField;
import org.secheaders.domain.grading.ResponseHeaders;
import org.secheaders.platform.PlatformJson;
import org.secheaders.platform.tool.ToolArguments;
import org.secheaders.platform.tool.ToolInputException;

/**
 * The target arguments the compliance tools share: nothing (the tenant's configured headers),
 * {@code url} (a live scan of exactly that URL) or {@code headers} (pasted header lines, or an
 * object of header name → value or list of values).
 */
final class TargetArguments {

    static final String URL = "url";
    static final String HEADERS = "headers";
    /** Generous for a response's header block, small enough that a paste cannot exhaust the server. */
    static final int MAX_HEADERS_CHARS = 64 * 1024;
    static final int MAX_URL_CHARS = 2048;
    /** An RFC 9110 field name. */
    private static final Pattern FIELD_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private TargetArguments() {
    }

    /** The schema properties {@code url} and {@code headers}. */
    static String schema() {
        return """
                "url": {"type": "string", "maxLength": %d, "description": "Scan this http(s) URL live instead of judging the configured headers: redirects are followed (and recorded), CORS is probed with a foreign and a null Origin, cookie flags are read; only this URL is fetched. Drift against the tenant's configuration is reported. Unreachable hosts, TLS errors and timeouts give not_evaluated results, not an error; a URL or redirect to a loopback, private or link-local address is an error unless the operator allows such addresses."},
                "headers": {"description": "Judge these headers instead (e.g. before deploying them), as pasted header lines ('Name: value' per line; a leading status line is skipped) or an object of header name to value or list of values. Taken as served over HTTPS.", "anyOf": [{"type": "string", "maxLength": %d}, {"type": "object", "additionalProperties": {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}}]}"""
                .formatted(MAX_URL_CHARS, MAX_HEADERS_CHARS);
    }

    static ComplianceTarget parse(ToolArguments arguments) {
        boolean url = arguments.has(URL);
        boolean headers = arguments.has(HEADERS);
        if (url && headers) {
            throw new ToolInputException(HEADERS, "cannot be combined with url: name one target");
        }
        if (url) {
            return new ComplianceTarget.Url(url(arguments.requireString(URL)));
        }
        if (headers) {
            return new ComplianceTarget.Supplied(headers(arguments.optionalJsonText(HEADERS).orElseThrow(() ->
                    new ToolInputException(HEADERS, "must not be empty"))));
        }
        return new ComplianceTarget.Configured();
    }

    private static URI url(String text) {
        if (text.length() > MAX_URL_CHARS) {
            throw new ToolInputException(URL, "must be at most " + MAX_URL_CHARS + " characters");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new ToolInputException(URL, "is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new ToolInputException(URL, "must be an http:// or https:// URL, got '" + text + "'");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new ToolInputException(URL, "must name a host and no user info, got '" + text + "'");
        }
        return uri;
    }

    /** An object (also given as JSON text) or header lines. */
    static ResponseHeaders headers(String text) {
        if (text.length() > MAX_HEADERS_CHARS) {
            throw new ToolInputException(HEADERS, "must be at most " + MAX_HEADERS_CHARS + " characters");
        }
        List<HeaderField> fields = text.startsWith("{") ? fromObject(text) : fromLines(text);
        if (fields.isEmpty()) {
            throw new ToolInputException(HEADERS, "names no header");
        }
        return ResponseHeaders.fromFieldLines(fields);
    }

    private static List<HeaderField> fromObject(String json) {
        JsonNode node;
        try {
            node = PlatformJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new ToolInputException(HEADERS, "is not a JSON object: " + e.getOriginalMessage());
        }
        List<HeaderField> fields = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            List<JsonNode> values = new ArrayList<>();
            if (entry.getValue().isArray()) {
                entry.getValue().forEach(values::add);
            } else {
                values.add(entry.getValue());
            }
            for (JsonNode value : values) {
                if (!value.isTextual()) {
                    throw new ToolInputException(HEADERS, "value of '" + entry.getKey()
                            + "' must be a string or a list of strings");
                }
                fields.add(field(entry.getKey(), value.asText(), "'" + entry.getKey() + "'"));
            }
        }
        return fields;
    }

    private static List<HeaderField> fromLines(String text) {
        List<HeaderField> fields = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || (i == 0 && line.startsWith("HTTP/"))) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new ToolInputException(HEADERS, "line " + (i + 1) + " is not 'Name: value': '" + abbreviate(line) + "'");
            }
            fields.add(field(line.substring(0, colon).strip(), line.substring(colon + 1).strip(), "line " + (i + 1)));
        }
        return fields;
    }

    private static HeaderField field(String name, String value, String where) {
        if (!FIELD_NAME.matcher(name).matches()) {
            throw new ToolInputException(HEADERS, where + ": '" + abbreviate(name) + "' is not a header name");
        }
        return new HeaderField(name, value);
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
