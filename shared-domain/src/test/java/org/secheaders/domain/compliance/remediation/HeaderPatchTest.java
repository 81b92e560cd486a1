package org.secheaders.domain.compliance.remediation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.secheaders.domain.compliance.check.CookieLine;
import org.secheaders.domain.grading.HeaderField;
import org.secheaders.domain.grading.ResponseHeaders;

class HeaderPatchTest {

    @Test
    void cspEditsApplyToEveryPolicyOfEveryHeader() {
        ResponseHeaders headers = ResponseHeaders.of("Content-Security-Policy", "default-src 'self', img-src *",
                "Content-Security-Policy", "script-src 'self'");
        ResponseHeaders edited = new HeaderPatch.EditCsp(List.of(new DirectiveEdit.Replace("object-src", List.of("'none'"))))
                .apply(headers);
        assertEquals(List.of("default-src 'self'; object-src 'none', img-src *; object-src 'none', "
                + "script-src 'self'; object-src 'none'"), edited.values("Content-Security-Policy"));
        ResponseHeaders none = ResponseHeaders.of("X", "1");
        assertEquals(none, new HeaderPatch.EditCsp(List.of(new DirectiveEdit.Drop("referrer"))).apply(none));
    }

    @Test
    void cookieEditsKeepTheValueAndOrder() {
        ResponseHeaders headers = ResponseHeaders.of("Set-Cookie", "a=1", "Set-Cookie", "sid=xyz; Path=/", "X", "1");
        ResponseHeaders edited = new HeaderPatch.EditCookie("sid", List.of(new CookieLine.Attribute("Secure", Optional.empty()),
                new CookieLine.Attribute("SameSite", Optional.of("Lax")))).apply(headers);
        assertEquals(List.of("a=1", "sid=xyz; Path=/; Secure; SameSite=Lax"), edited.values("Set-Cookie"));
        assertEquals("X", edited.fields().get(2).name());
    }

    @Test
    void setAndRemoveMatchNamesCaseInsensitively() {
        ResponseHeaders headers = ResponseHeaders.of("server", "nginx/1", "X-Powered-By", "PHP");
        assertEquals(List.of("X-Powered-By"), new HeaderPatch.RemoveHeader("Server").apply(headers).fields().stream()
                .map(HeaderField::name).toList());
        assertEquals(List.of("Express"), new HeaderPatch.SetHeader("x-powered-by", "Express").apply(headers).values("X-Powered-By"));
    }
}
