package org.secheaders.domain.grading;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The few JavaScript string primitives the Observatory's rules are written in. Java's own
 * {@code strip()}, {@code split()} and {@code parseInt} differ at the edges (which characters are
 * whitespace, trailing empty pieces, garbage after digits), and those edges decide result codes.
 */
final class JsText {
    private JsText() {
    }

    /** {@code String.prototype.trim}: JS whitespace and line terminators, not Java's set. */
    static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isJsWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && isJsWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** {@code s.slice(0, maxLength)}: the Observatory caps header values before reading them. */
    static String prefix(String s, int maxLength) {
        return s.length() <= maxLength ? s : s.substring(0, maxLength);
    }

    /** {@code s.split(/\s+/)}: runs of JS whitespace separate pieces; "" gives [""]. */
    static List<String> splitOnWhitespace(String s) {
        List<String> pieces = new ArrayList<>();
        int pieceStart = 0;
        int i = 0;
        while (i < s.length()) {
            if (isJsWhitespace(s.charAt(i))) {
                pieces.add(s.substring(pieceStart, i));
                while (i < s.length() && isJsWhitespace(s.charAt(i))) {
                    i++;
                }
                pieceStart = i;
            } else {
                i++;
            }
        }
        pieces.add(s.substring(pieceStart));
        return pieces;
    }

    /** {@code s.split(sep)} for a one-character separator: keeps empty pieces, trailing ones too. */
    static List<String> split(String s, char separator) {
        List<String> pieces = new ArrayList<>();
        int pieceStart = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == separator) {
                pieces.add(s.substring(pieceStart, i));
                pieceStart = i + 1;
            }
        }
        pieces.add(s.substring(pieceStart));
        return pieces;
    }

    /**
     * {@code parseInt(s, 10)}: leading whitespace and one sign are skipped, digits are read until
     * the first non-digit; no digit at all is {@code NaN}, returned as empty.
     */
    static Optional<BigInteger> parseIntPrefix(String s) {
        String rest = trim(s);
        boolean negative = rest.startsWith("-");
        if (negative || rest.startsWith("+")) {
            rest = rest.substring(1);
        }
        int digits = 0;
        while (digits < rest.length() && rest.charAt(digits) >= '0' && rest.charAt(digits) <= '9') {
            digits++;
        }
        if (digits == 0) {
            return Optional.empty();
        }
        BigInteger value = new BigInteger(rest.substring(0, digits));
        return Optional.of(negative ? value.negate() : value);
    }

    /**
     * {@code decodeURIComponent}: percent escapes must form valid UTF-8.
     *
     * @throws IllegalArgumentException where JS throws {@code URIError}
     */
    static String decodeUriComponent(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (s.charAt(i) != '%') {
                out.append(s.charAt(i++));
                continue;
            }
            ByteBuffer bytes = ByteBuffer.allocate(s.length());
            while (i < s.length() && s.charAt(i) == '%') {
                bytes.put((byte) hexByte(s, i + 1));
                i += 3;
            }
            bytes.flip();
            try {
                out.append(StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(bytes));
            } catch (CharacterCodingException e) {
                throw new IllegalArgumentException("URI malformed: " + s, e);
            }
        }
        return out.toString();
    }

    private static int hexByte(String s, int at) {
        if (at + 2 > s.length()) {
            throw new IllegalArgumentException("URI malformed: " + s);
        }
        return asciiHexDigit(s, at) * 16 + asciiHexDigit(s, at + 1);
    }

    // Character.digit would also accept non-ASCII digits, which decodeURIComponent rejects.
    private static int asciiHexDigit(String s, int at) {
        char c = s.charAt(at);
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        char lower = (char) (c | 0x20);
        if (lower >= 'a' && lower <= 'f') {
            return lower - 'a' + 10;
        }
        throw new IllegalArgumentException("URI malformed: " + s);
    }

    /** ECMAScript WhiteSpace and LineTerminator code points (the {@code \s} class). */
    private static boolean isJsWhitespace(char c) {
        return switch (c) {
            case '\t', '\n', '\u000B', '\f', '\r', ' ', '\u00A0', '\u1680', '\u2028', '\u2029',
                 '\u202F', '\u205F', '\u3000', '\uFEFF' -> true;
            default -> c >= '\u2000' && c <= '\u200A';
        };
    }
}
