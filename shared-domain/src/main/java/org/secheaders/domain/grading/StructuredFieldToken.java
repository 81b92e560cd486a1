package org.secheaders.domain.grading;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads a header value as an RFC 9651 structured-field Item, as the {@code structured-headers}
 * package the Observatory uses does, and returns its bare item when that is a token. Parameters
 * such as {@code report-to="endpoint"} are allowed and ignored; anything that is not exactly one
 * item (a list, trailing text, an unterminated string) is no token at all. Only the bare item's
 * type matters here, so values are checked, never built.
 */
final class StructuredFieldToken {
    private final String input;
    private int pos;

    private StructuredFieldToken(String input) {
        this.input = input;
    }

    static Optional<String> parse(String value) {
        try {
            return new StructuredFieldToken(value).item();
        } catch (MalformedException e) {
            return Optional.empty();
        }
    }

    private Optional<String> item() throws MalformedException {
        skipSpaces();
        Optional<String> token = bareItem();
        parameters();
        skipSpaces();
        if (!atEnd()) {
            throw new MalformedException();
        }
        return token;
    }

    /** Returns the token, or empty for any other kind of bare item. */
    private Optional<String> bareItem() throws MalformedException {
        if (atEnd()) {
            throw new MalformedException();
        }
        char c = peek();
        if (c == '-' || isDigit(c)) {
            number();
        } else if (c == '"') {
            string();
        } else if (isAlpha(c) || c == '*') {
            return Optional.of(token());
        } else if (c == ':') {
            byteSequence();
        } else if (c == '?') {
            bool();
        } else if (c == '@') {
            date();
        } else if (c == '%') {
            displayString();
        } else {
            throw new MalformedException();
        }
        return Optional.empty();
    }

    private void parameters() throws MalformedException {
        while (!atEnd() && peek() == ';') {
            pos++;
            skipSpaces();
            key();
            if (!atEnd() && peek() == '=') {
                pos++;
                bareItem();
            }
        }
    }

    private void number() throws MalformedException {
        if (peek() == '-') {
            pos++;
        }
        if (atEnd() || !isDigit(peek())) {
            throw new MalformedException();
        }
        int digits = 0;
        int fractionDigits = -1;
        while (!atEnd()) {
            char c = peek();
            if (isDigit(c)) {
                digits++;
                if (fractionDigits >= 0) {
                    fractionDigits++;
                }
            } else if (c == '.' && fractionDigits < 0) {
                if (digits > 12) {
                    throw new MalformedException();
                }
                fractionDigits = 0;
            } else {
                break;
            }
            pos++;
            boolean decimal = fractionDigits >= 0;
            int length = digits + (decimal ? 1 : 0);
            if ((!decimal && length > 15) || (decimal && length > 16)) {
                throw new MalformedException();
            }
        }
        if (fractionDigits == 0 || fractionDigits > 3) {
            throw new MalformedException();
        }
    }

    private void string() throws MalformedException {
        pos++;
        while (!atEnd()) {
            char c = input.charAt(pos++);
            if (c == '\\') {
                if (atEnd()) {
                    throw new MalformedException();
                }
                char escaped = input.charAt(pos++);
                if (escaped != '\\' && escaped != '"') {
                    throw new MalformedException();
                }
            } else if (c == '"') {
                return;
            } else if (c < 0x20 || c > 0x7E) {
                throw new MalformedException();
            }
        }
        throw new MalformedException();
    }

    private String token() {
        int start = pos;
        while (!atEnd() && isTokenChar(peek())) {
            pos++;
        }
        return input.substring(start, pos);
    }

    private void byteSequence() throws MalformedException {
        pos++;
        int end = input.indexOf(':', pos);
        if (end < 0) {
            throw new MalformedException();
        }
        String base64 = input.substring(pos, end);
        pos = end + 1;
        if (!isForgivingBase64(base64)) {
            throw new MalformedException();
        }
    }

    private void bool() throws MalformedException {
        pos++;
        if (atEnd()) {
            throw new MalformedException();
        }
        char c = input.charAt(pos++);
        if (c != '0' && c != '1') {
            throw new MalformedException();
        }
    }

    /** The package reads every remaining character as a digit of the date, so nothing may follow it. */
    private void date() throws MalformedException {
        pos++;
        if (!atEnd() && peek() == '-') {
            pos++;
        }
        if (atEnd() || !isDigit(peek())) {
            throw new MalformedException();
        }
        while (!atEnd()) {
            if (!isDigit(input.charAt(pos++))) {
                throw new MalformedException();
            }
        }
    }

    private void displayString() throws MalformedException {
        if (!input.startsWith("%\"", pos)) {
            throw new MalformedException();
        }
        pos += 2;
        ByteBuffer bytes = ByteBuffer.allocate(input.length());
        while (!atEnd()) {
            char c = input.charAt(pos++);
            if (c <= 0x1F || (c >= 0x7F && c <= 0xFF)) {
                throw new MalformedException();
            }
            if (c == '%') {
                bytes.put((byte) lowerHexPair());
            } else if (c == '"') {
                requireUtf8(bytes.flip());
                return;
            } else {
                bytes.put((byte) c);
            }
        }
        throw new MalformedException();
    }

    private int lowerHexPair() throws MalformedException {
        if (pos + 2 > input.length()) {
            throw new MalformedException();
        }
        int value = 0;
        for (int i = 0; i < 2; i++) {
            char c = input.charAt(pos++);
            int digit = isDigit(c) ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
            if (digit < 0) {
                throw new MalformedException();
            }
            value = value * 16 + digit;
        }
        return value;
    }

    private static void requireUtf8(ByteBuffer bytes) throws MalformedException {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
        } catch (CharacterCodingException e) {
            throw new MalformedException();
        }
    }

    private void key() throws MalformedException {
        if (atEnd() || !((peek() >= 'a' && peek() <= 'z') || peek() == '*')) {
            throw new MalformedException();
        }
        while (!atEnd() && isKeyChar(peek())) {
            pos++;
        }
    }

    private void skipSpaces() {
        while (!atEnd() && peek() == ' ') {
            pos++;
        }
    }

    private boolean atEnd() {
        return pos >= input.length();
    }

    private char peek() {
        return input.charAt(pos);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isTokenChar(char c) {
        return isAlpha(c) || isDigit(c) || ":/!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    private static boolean isKeyChar(char c) {
        return (c >= 'a' && c <= 'z') || isDigit(c) || "_-.*".indexOf(c) >= 0;
    }

    /** {@code atob}'s acceptance rule: up to two trailing {@code =} on a multiple of four, no lone char. */
    private static boolean isForgivingBase64(String s) {
        String body = s;
        if (body.length() % 4 == 0) {
            if (body.endsWith("==")) {
                body = body.substring(0, body.length() - 2);
            } else if (body.endsWith("=")) {
                body = body.substring(0, body.length() - 1);
            }
        }
        if (body.length() % 4 == 1) {
            return false;
        }
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (!(isAlpha(c) || isDigit(c) || c == '+' || c == '/')) {
                return false;
            }
        }
        return true;
    }

    private static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        private MalformedException() {
            super(null, null, false, false);
        }
    }
}
