package org.secheaders.enforcement.collector;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.secheaders.domain.nonce.SecurityNonce;
import org.secheaders.domain.policy.CompiledHeaderSet;
import org.secheaders.domain.policy.HttpHeader;

/**
 * A page under the given security headers (rendered with a fresh nonce) that breaks its CSP three
 * ways: an inline script without the nonce, an image from a host img-src does not allow, and eval
 * called from a nonced script.
 */
final class ViolatingPageServlet extends HttpServlet {
    static final String BLOCKED_IMAGE = "https://blocked.example/pixel.png";

    private final transient CompiledHeaderSet headers;

    ViolatingPageServlet(CompiledHeaderSet headers) {
        this.headers = headers;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SecurityNonce nonce = SecurityNonce.generate();
        for (HttpHeader header : headers.render(nonce)) {
            if (request.isSecure() || !headers.httpsOnlyHeaders().contains(header.name())) {
                response.setHeader(header.name(), header.value());
            }
        }
        response.setContentType("text/html;charset=utf-8");
        response.getOutputStream().write("""
                <!doctype html>
                <html><head><title>CSP violations</title></head><body>
                <script>document.title = 'inline script ran';</script>
                <img src="%s" alt="">
                <script nonce="%s">try { eval('1 + 1'); } catch (e) { console.log('eval blocked'); }</script>
                </body></html>
                """.formatted(BLOCKED_IMAGE, nonce.value()).getBytes(StandardCharsets.UTF_8));
    }
}
