package org.secheaders.enforcement.template;

/** Escapes text for a double-quoted HTML attribute value. */
final class HtmlAttributes {
    private HtmlAttributes() {
    }

    static String escape(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            String replacement = switch (value.charAt(i)) {
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                default -> null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(value.length() + 16).append(value, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(value.charAt(i));
                }
            }
        }
        return out == null ? value : out.toString();
    }
}
