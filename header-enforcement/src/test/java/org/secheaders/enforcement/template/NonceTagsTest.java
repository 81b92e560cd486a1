package org.secheaders.enforcement.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.secheaders.domain.nonce.SecurityNonce;

class NonceTagsTest {
    private final SecurityNonce nonce = SecurityNonce.generate();
    private final NonceTags tags = new NonceTags(nonce);
    private final String attr = "nonce=\"" + nonce.value() + "\"";

    @Test
    void rendersScriptAndStylesheetTagsWithEscapedUrls() {
        assertEquals("<script " + attr + " src=\"/app.js?a=1&amp;b=&quot;x&quot;\"></script>",
                tags.script("/app.js?a=1&b=\"x\""));
        assertEquals("<link rel=\"stylesheet\" " + attr + " href=\"https://cdn.example/&lt;x&gt;&#39;.css\">",
                tags.stylesheet("https://cdn.example/<x>'.css"));
        assertEquals(attr, tags.attribute());
    }

    @Test
    void rendersInlineBodiesVerbatim() {
        assertEquals("<script " + attr + ">if (a < b && c) go();</script>", tags.inlineScript("if (a < b && c) go();"));
        assertEquals("<style " + attr + ">a > b { color: red }</style>", tags.inlineStyle("a > b { color: red }"));
    }

    @Test
    void refusesBodiesThatWouldBreakOutOfTheElement() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> tags.inlineScript("x = '</SCRIPT><img src=x onerror=alert(1)>'"));
        assertTrue(e.getMessage().contains("</script"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> tags.inlineScript("<!-- x"));
        assertThrows(IllegalArgumentException.class, () -> tags.inlineStyle("</style><script>"));
    }

    @Test
    void toStringDoesNotLeakTheNonce() {
        assertFalse(tags.toString().contains(nonce.value()));
    }
}
