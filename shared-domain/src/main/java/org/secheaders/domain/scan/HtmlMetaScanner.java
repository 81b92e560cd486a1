package org.secheaders.domain.scan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.secheaders.domain.grading.HeaderField;
import org.secheaders.domain.grading.ResponseHeaders;

/**
 * Finds the {@code <meta>} policies the Observatory reads in a page: every
 * {@code <meta http-equiv="Content-Security-Policy" content>} and the last
 * {@code <meta name="referrer" content>}.
 *
 * <p>A scanner, not a parser: one pass over text already cut to the body limit, so it runs in
 * linear time whatever the page holds. It skips comments and the text of {@code script},
 * {@code style}, {@code textarea} and {@code title} (where {@code <meta} is not a tag), reads
 * attributes as the HTML tokenizer does (names case-insensitive, the first of a repeated name
 * wins, values quoted or not) and decodes numeric character references and the five XML named
 * ones; other named references stay as written.
 */
final class HtmlMetaScanner {
    private static final String CONTENT_SECURITY_POLICY = "content-security-policy";
    private static final String REFERRER_POLICY = "referrer-policy";
    private static final Set<String> RAW_TEXT_ELEMENTS = Set.of("script", "style", "textarea", "title");
    private static final Map<String, String> NAMED_REFERENCES =
            Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'");
    /** Longest reference decoded: {@code #x10FFFF}; bounds the search for its {@code ;}. */
    private static final int MAX_REFERENCE_LENGTH = 8;

    private final String html;
    private int position;

    private HtmlMetaScanner(String html) {
        this.html = html;
    }

    /** The policies as {@code content-security-policy} and {@code referrer-policy} values. */
    static ResponseHeaders policies(String html) {
        List<HeaderField> policies = new ArrayList<>();
        Optional<String> referrer = Optional.empty();
        for (Map<String, String> meta : new HtmlMetaScanner(html).metaElements()) {
            String content = meta.get("content");
            if (meta.containsKey("http-equiv") && content != null) {
                if (meta.get("http-equiv").strip().equalsIgnoreCase(CONTENT_SECURITY_POLICY) && !content.isEmpty()) {
                    policies.add(new HeaderField(CONTENT_SECURITY_POLICY, content));
                }
            } else if (meta.getOrDefault("name", "").strip().equalsIgnoreCase("referrer")
                    && content != null && !content.isEmpty()) {
                referrer = Optional.of(content);
            }
        }
        referrer.ifPresent(value -> policies.add(new HeaderField(REFERRER_POLICY, value)));
        return new ResponseHeaders(policies);
    }

    private List<Map<String, String>> metaElements() {
        List<Map<String, String>> metas = new ArrayList<>();
        while ((position = html.indexOf('<', position)) >= 0) {
            if (html.startsWith("<!--", position)) {
                skipPast("-->", position + 4);
                continue;
            }
            position++;
            String name = tagName();
            if (name.isEmpty()) {
                continue; // an end tag, a declaration or a stray '<'
            }
            Map<String, String> attributes = attributes();
            if (name.equals("meta")) {
                metas.add(attributes);
            } else if (RAW_TEXT_ELEMENTS.contains(name)) {
                skipPast("</" + name, position);
            }
        }
        return metas;
    }

    private String tagName() {
        int start = position;
        if (position < html.length() && isAsciiLetter(html.charAt(position))) {
            while (position < html.length() && (isAsciiLetter(html.charAt(position))
                    || Character.isDigit(html.charAt(position)) || html.charAt(position) == '-')) {
                position++;
            }
        }
        return html.substring(start, position).toLowerCase(Locale.ROOT);
    }

    /** Attributes up to and including the {@code >} that ends the tag. */
    private Map<String, String> attributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        while (true) {
            while (position < html.length() && (isSpace(html.charAt(position)) || html.charAt(position) == '/')) {
                position++;
            }
            if (position >= html.length()) {
                return attributes;
            }
            if (html.charAt(position) == '>') {
                position++;
                return attributes;
            }
            int start = position;
            // An '=' first is part of the name, as in the HTML tokenizer; this also guarantees progress.
            while (position < html.length() && !isSpace(html.charAt(position)) && html.charAt(position) != '/'
                    && html.charAt(position) != '>' && (html.charAt(position) != '=' || position == start)) {
                position++;
            }
            String name = html.substring(start, position).toLowerCase(Locale.ROOT);
            skipSpaces();
            String value = "";
            if (position < html.length() && html.charAt(position) == '=') {
                position++;
                skipSpaces();
                value = decodeReferences(attributeValue());
            }
            attributes.putIfAbsent(name, value);
        }
    }

    private String attributeValue() {
        if (position >= html.length()) {
            return "";
        }
        char quote = html.charAt(position);
        if (quote == '"' || quote == '\'') {
            int end = html.indexOf(quote, position + 1);
            int valueEnd = end < 0 ? html.length() : end;
            String value = html.substring(position + 1, valueEnd);
            position = end < 0 ? html.length() : end + 1;
            return value;
        }
        int start = position;
        while (position < html.length() && !isSpace(html.charAt(position)) && html.charAt(position) != '>') {
            position++;
        }
        return html.substring(start, position);
    }

    private void skipSpaces() {
        while (position < html.length() && isSpace(html.charAt(position))) {
            position++;
        }
    }

    /** Moves past the next {@code marker} (ASCII case-insensitive), or to the end when there is none. */
    private void skipPast(String marker, int from) {
        for (int at = from; at + marker.length() <= html.length(); at++) {
            if (html.regionMatches(true, at, marker, 0, marker.length())) {
                position = at + marker.length();
                return;
            }
        }
        position = html.length();
    }

    static String decodeReferences(String value) {
        if (value.indexOf('&') < 0) {
            return value;
        }
        StringBuilder decoded = new StringBuilder(value.length());
        int i = 0;
        while (i < value.length()) {
            int semicolon = value.charAt(i) == '&' ? referenceEnd(value, i) : -1;
            Optional<String> character = semicolon < 0 ? Optional.<String>empty()
                    : reference(value.substring(i + 1, semicolon));
            if (character.isPresent()) {
                decoded.append(character.get());
                i = semicolon + 1;
            } else {
                decoded.append(value.charAt(i));
                i++;
            }
        }
        return decoded.toString();
    }

    /** The {@code ;} closing a reference at {@code ampersand}, looked for only as far as one can reach. */
    private static int referenceEnd(String value, int ampersand) {
        int limit = Math.min(value.length(), ampersand + 2 + MAX_REFERENCE_LENGTH);
        for (int at = ampersand + 2; at < limit; at++) {
            if (value.charAt(at) == ';') {
                return at;
            }
        }
        return -1;
    }

    private static Optional<String> reference(String name) {
        if (!name.startsWith("#")) {
            return Optional.ofNullable(NAMED_REFERENCES.get(name));
        }
        boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
        String digits = name.substring(hex ? 2 : 1);
        try {
            int codePoint = Integer.parseInt(digits, hex ? 16 : 10);
            return codePoint > 0 && Character.isValidCodePoint(codePoint) && !digits.startsWith("+")
                    ? Optional.of(new String(Character.toChars(codePoint))) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }
}
