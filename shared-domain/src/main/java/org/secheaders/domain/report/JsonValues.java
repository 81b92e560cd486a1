package org.secheaders.domain.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Typed reads of report JSON values, failing with errors that name the key and what was found. */
final class JsonValues {
    private static final int MAX_DECIMAL_STRING = 12;

    private JsonValues() {
    }

    static String text(String key, JsonNode value) throws ReportParseException {
        if (!value.isTextual()) {
            throw new ReportParseException(ReportErrorCode.WRONG_TYPE,
                    key + ": expected a string, got " + describe(value));
        }
        return value.textValue();
    }

    /** Browsers send numbers as JSON numbers or decimal strings; an empty string counts as absent. */
    static OptionalInt nonNegativeInt(String key, JsonNode value) throws ReportParseException {
        if (value.isTextual() && value.textValue().isBlank()) {
            return OptionalInt.empty();
        }
        BigInteger number = integer(key, value);
        if (number.signum() < 0 || number.bitLength() > 31) {
            throw new ReportParseException(ReportErrorCode.INVALID_VALUE,
                    key + ": " + Text.quote(number.toString()) + " is not a non-negative 32-bit integer");
        }
        return OptionalInt.of(number.intValue());
    }

    static OptionalLong nonNegativeLong(String key, JsonNode value) throws ReportParseException {
        if (value.isTextual() && value.textValue().isBlank()) {
            return OptionalLong.empty();
        }
        BigInteger number = integer(key, value);
        if (number.signum() < 0 || number.bitLength() > 63) {
            throw new ReportParseException(ReportErrorCode.INVALID_VALUE,
                    key + ": " + Text.quote(number.toString()) + " is not a non-negative 64-bit integer");
        }
        return OptionalLong.of(number.longValue());
    }

    static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL, MISSING -> "null";
            case BINARY, POJO -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static BigInteger integer(String key, JsonNode value) throws ReportParseException {
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue();
        }
        if (value.isTextual()) {
            String digits = value.textValue().strip();
            if (digits.length() <= MAX_DECIMAL_STRING && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return new BigInteger(digits);
            }
            throw new ReportParseException(ReportErrorCode.INVALID_VALUE,
                    key + ": " + Text.quote(value.textValue()) + " is not a decimal integer");
        }
        throw new ReportParseException(ReportErrorCode.WRONG_TYPE,
                key + ": expected an integer, got " + describe(value));
    }
}
