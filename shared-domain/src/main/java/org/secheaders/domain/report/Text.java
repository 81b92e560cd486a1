package org.secheaders.domain.report;

/**
 * Cleans attacker-controlled text before it is kept or echoed in an error: whitespace controls become
 * spaces, other control and bidi-override characters are dropped (they can spoof what a dashboard
 * shows), and the length is capped without splitting a surrogate pair.
 */
final class Text {
    private Text() {
    }

    static String clean(String value, int maxChars) {
        if (value.length() <= maxChars && isClean(value)) {
            return value;
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), maxChars));
        for (int i = 0; i < value.length() && out.length() < maxChars; i++) {
            char c = value.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                out.append(' ');
            } else if (!isDropped(c)) {
                out.append(c);
            }
        }
        int last = out.length() - 1;
        if (last >= 0 && Character.isHighSurrogate(out.charAt(last))) {
            out.setLength(last);
        }
        return out.toString();
    }

    /** A short, quoted, cleaned copy of a value for an error message. */
    static String quote(String value) {
        String cleaned = clean(value, 64);
        return "'" + cleaned + (cleaned.length() < value.length() ? "...'" : "'");
    }

    private static boolean isClean(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r' || isDropped(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDropped(char c) {
        return c < 0x20
                || (c >= 0x7f && c <= 0x9f)
                || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069);
    }
}
