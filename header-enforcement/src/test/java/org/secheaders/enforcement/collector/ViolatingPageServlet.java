package org.secheaders.enforcement.collector;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.secheaders.domain.nonce.SecurityNonce;
import org.secheaders.domain.policy.CompiledHeaderSet;
import org.secheaders.domain.policy.HeaderSet;
import org.secheaders.domain.policy.HttpHeader;
import org.secheaders.domain.policy.PlatformPolicy;

/**
 * A page under the given security headers (rendered with a fresh nonce) that breaks its CSP four
 * ways: an inline script without the nonce, a script from another host without the nonce, an image
 * from a host img-src does not allow, and eval called from a nonced script.
 */
public final class ViolatingPageServlet extends HttpServlet {
    public static final String BLOCKED_IMAGE = "https://blocked.example/pixel.png";
    public static final String BLOCKED_SCRIPT = "https://scripts.blocked.example/widget.js";

    private final transient CompiledHeaderSet headers;

    public ViolatingPageServlet(CompiledHeaderSet headers) {
        this.headers = headers;
    }

    /** The page under {@code headers} as they are (both report-uri and report-to when the platform sets them). */
    public static ViolatingPageServlet reportingTo(HeaderSet headers) {
        return new ViolatingPageServlet(headers.compile());
    }

    /**
     * The page under {@code headers} minus CSP report-to: what a browser without the Reporting API
     * acts on (with report-to present, browsers that have it ignore report-uri).
     */
    public static ViolatingPageServlet reportUriOnly(HeaderSet headers) {
        return new ViolatingPageServlet(headers.mapPolicies(csp -> csp.without("report-to")).compile());
    }

    /**
     * The platform's default headers, with reports sent to {@code collector} (a path on the page's own
     * origin, or an https:// URL): {@code report-uri} and the {@code report-to} group's Reporting-Endpoints URL.
     */
    public static PlatformPolicy defaultsReportingTo(String collector) throws IOException {
        String defaults;
        try (InputStream in = PlatformPolicy.class.getResourceAsStream("platform-baseline.json")) {
            defaults = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String json = defaults.replace("\"reportCollectorPath\": \"/csp-report\"",
                "\"reportCollectorPath\": \"" + collector + "\"");
        if (!json.contains(collector)) {
            throw new IllegalStateException("the baseline no longer names its collector path as expected");
        }
        return PlatformPolicy.fromJson(json);
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
                <script src="%s"></script>
                <img src="%s" alt="">
                <script nonce="%s">try { eval('1 + 1'); } catch (e) { console.log('eval blocked'); }</script>
                </body></html>
                """.formatted(BLOCKED_SCRIPT, BLOCKED_IMAGE, nonce.value()).getBytes(StandardCharsets.UTF_8));
    }
}
