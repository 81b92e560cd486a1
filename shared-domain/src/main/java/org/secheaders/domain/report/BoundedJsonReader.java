package org.secheaders.domain.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Reads a JSON body into a tree while enforcing {@link ParserLimits}, so that deep nesting and long
 * strings fail with a named error at the first offending token instead of after buffering everything.
 */
final class BoundedJsonReader {
    private static final int MAX_NUMBER_CHARS = 64;

    private final ParserLimits limits;
    private final JsonFactory factory;

    BoundedJsonReader(ParserLimits limits) {
        this.limits = limits;
        this.factory = JsonFactory.builder()
                // Field names are attacker-chosen: no shared symbol table to flood with colliding names.
                // (Jackson then decodes through a Reader, so invalid UTF-8 becomes U+FFFD, not an error.)
                .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                // Backstops only; our own depth check fires first with a clearer error.
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth() + 1)
                        .maxNumberLength(MAX_NUMBER_CHARS)
                        .build())
                .build();
    }

    JsonNode read(byte[] body) throws ReportParseException {
        try (JsonParser parser = factory.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ReportParseException(ReportErrorCode.EMPTY_BODY, "the body holds no JSON value");
            }
            JsonNode root = readValue(parser, first, 1);
            if (parser.nextToken() != null) {
                throw new ReportParseException(ReportErrorCode.MALFORMED_JSON,
                        "unexpected content after the JSON value" + at(parser.currentLocation()));
            }
            return root;
        } catch (JsonProcessingException e) {
            ReportErrorCode code = e instanceof StreamConstraintsException
                    ? ReportErrorCode.FIELD_TOO_LONG : ReportErrorCode.MALFORMED_JSON;
            throw new ReportParseException(code, e.getOriginalMessage() + at(e.getLocation()));
        } catch (IOException e) {
            throw new ReportParseException(ReportErrorCode.MALFORMED_JSON, "unreadable body: " + e.getMessage());
        }
    }

    private JsonNode readValue(JsonParser parser, JsonToken token, int depth)
            throws IOException, ReportParseException {
        switch (token) {
            case START_OBJECT:
                return readObject(parser, depth);
            case START_ARRAY:
                return readArray(parser, depth);
            case VALUE_STRING:
                checkLength(parser, "string value");
                return JsonNodeFactory.instance.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                return switch (parser.getNumberType()) {
                    case INT -> JsonNodeFactory.instance.numberNode(parser.getIntValue());
                    case LONG -> JsonNodeFactory.instance.numberNode(parser.getLongValue());
                    default -> JsonNodeFactory.instance.numberNode(parser.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT:
                return JsonNodeFactory.instance.numberNode(parser.getDoubleValue());
            case VALUE_TRUE:
                return JsonNodeFactory.instance.booleanNode(true);
            case VALUE_FALSE:
                return JsonNodeFactory.instance.booleanNode(false);
            case VALUE_NULL:
                return JsonNodeFactory.instance.nullNode();
            default:
                throw new ReportParseException(ReportErrorCode.MALFORMED_JSON,
                        "unexpected token " + token + at(parser.currentLocation()));
        }
    }

    private ObjectNode readObject(JsonParser parser, int depth) throws IOException, ReportParseException {
        checkDepth(parser, depth);
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            checkLength(parser, "field name");
            String name = parser.currentName();
            object.set(name, readValue(parser, next(parser), depth + 1));
        }
        expect(parser, token, JsonToken.END_OBJECT);
        return object;
    }

    private ArrayNode readArray(JsonParser parser, int depth) throws IOException, ReportParseException {
        checkDepth(parser, depth);
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        JsonToken token;
        while ((token = next(parser)) != JsonToken.END_ARRAY) {
            array.add(readValue(parser, token, depth + 1));
        }
        return array;
    }

    private static JsonToken next(JsonParser parser) throws IOException, ReportParseException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw new ReportParseException(ReportErrorCode.MALFORMED_JSON,
                    "unexpected end of body" + at(parser.currentLocation()));
        }
        return token;
    }

    private static void expect(JsonParser parser, JsonToken actual, JsonToken expected) throws ReportParseException {
        if (actual != expected) {
            throw new ReportParseException(ReportErrorCode.MALFORMED_JSON,
                    "expected " + expected + " but found " + actual + at(parser.currentLocation()));
        }
    }

    private void checkDepth(JsonParser parser, int depth) throws ReportParseException {
        if (depth > limits.maxDepth()) {
            throw new ReportParseException(ReportErrorCode.NESTING_TOO_DEEP,
                    "JSON nesting exceeds " + limits.maxDepth() + " levels" + at(parser.currentLocation()));
        }
    }

    private void checkLength(JsonParser parser, String what) throws IOException, ReportParseException {
        int length = parser.getTextLength();
        if (length > limits.maxStringChars()) {
            throw new ReportParseException(ReportErrorCode.FIELD_TOO_LONG,
                    what + " of " + length + " chars exceeds " + limits.maxStringChars() + at(parser.currentLocation()));
        }
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
