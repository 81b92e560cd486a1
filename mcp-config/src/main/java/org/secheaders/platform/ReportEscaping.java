package org.secheaders.platform;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Escaping for the reports the servers render (security reports, compliance reports): values in
 * them come from browsers or scanned sites and must stay text in every format.
 */
public final class ReportEscaping {

    /**
     * The punctuation with meaning inside a Markdown line or table cell (code, emphasis, links and
     * images, inline HTML, entities, cell breaks, strike-through). Values never start a line, so block
     * markers such as {@code #} or {@code -} stay readable.
     */
    private static final Pattern MARKDOWN_SPECIAL = Pattern.compile("[\\\\`*_{}\\[\\]<>|&~]");
    private static final Pattern LINE_BREAK = Pattern.compile("[\\r\\n]+");

    private ReportEscaping() {
    }

    /** Text for HTML element content and quoted attribute values. */
    public static String html(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** Text on one Markdown line (line breaks become spaces), every special character backslash-escaped. */
    public static String markdown(String text) {
        String oneLine = LINE_BREAK.matcher(text).replaceAll(" ");
        return MARKDOWN_SPECIAL.matcher(oneLine).replaceAll(match -> Matcher.quoteReplacement("\\" + match.group()));
    }
}
