package org.secheaders.enforcement.template;

import java.util.Locale;
import org.secheaders.domain.nonce.SecurityNonce;

/**
 * Renders tags carrying the response's CSP nonce, for templates that cannot easily add the
 * attribute themselves. URLs are HTML-attribute-escaped. Inline bodies are code, so they are not
 * escaped; instead a body that would end its element early ({@code </script}, {@code </style}) or
 * open an HTML comment inside a script is refused, since escaping would change the code.
 *
 * <p>The filter puts one instance per request under {@code secheaders.nonceTags}.
 */
public final class NonceTags {
    private final SecurityNonce nonce;

    /** Cheap: one is made per request, and most pages never call it. */
    public NonceTags(SecurityNonce nonce) {
        this.nonce = nonce;
    }

    /** {@code nonce="…"}, to put into a hand-written tag. */
    public String attribute() {
        return "nonce=\"" + HtmlAttributes.escape(nonce.value()) + "\"";
    }

    /** {@code <script nonce="…" src="…"></script>}. */
    public String script(String src) {
        return "<script " + attribute() + " src=\"" + HtmlAttributes.escape(src) + "\"></script>";
    }

    /** {@code <script nonce="…">code</script>}. */
    public String inlineScript(String code) {
        refuse(code, "</script", "inline script");
        refuse(code, "<!--", "inline script");
        return "<script " + attribute() + ">" + code + "</script>";
    }

    /** {@code <link rel="stylesheet" nonce="…" href="…">}. */
    public String stylesheet(String href) {
        return "<link rel=\"stylesheet\" " + attribute() + " href=\"" + HtmlAttributes.escape(href) + "\">";
    }

    /** {@code <style nonce="…">css</style>}. */
    public String inlineStyle(String css) {
        refuse(css, "</style", "inline style");
        return "<style " + attribute() + ">" + css + "</style>";
    }

    /** Never the nonce, so a stray {@code toString()} in a template or log does not print it. */
    @Override
    public String toString() {
        return "NonceTags[redacted]";
    }

    private static void refuse(String body, String sequence, String what) {
        if (body.toLowerCase(Locale.ROOT).contains(sequence)) {
            throw new IllegalArgumentException(what + " must not contain '" + sequence
                    + "': it would end the element early; load the code from a file instead");
        }
    }
}
