package org.secheaders.enforcement.collector;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.secheaders.domain.report.ClientInfo;
import org.secheaders.domain.report.ReportTenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP endpoint browsers send CSP violation reports to; a plain Jakarta servlet, so any servlet
 * container can mount it, e.g. at {@code /csp-report/*} with {@link ReportTenantResolver#pathSlug()}.
 *
 * <ul>
 *   <li>{@code POST} with {@code application/csp-report} (report-uri), {@code application/reports+json}
 *       (Reporting API batches, other report types included) or {@code application/json}: 204 once the
 *       body is durably accepted; processing happens later, off the request thread.</li>
 *   <li>{@code OPTIONS}: the CORS preflight browsers send before a cross-origin Reporting API POST.</li>
 *   <li>Errors, each with a short text/plain reason: 400 malformed, 404 unknown tenant, 405 other
 *       methods, 413 body over the limit, 415 other content types or encodings, 429 tenant over its
 *       rate (Retry-After), 503 backlog full or log unavailable (Retry-After). Never a stack trace.</li>
 * </ul>
 *
 * Every response allows any origin: reports come from every tenant's pages, without credentials.
 */
public final class CspReportServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(CspReportServlet.class);
    private static final String PREFLIGHT_MAX_AGE = Long.toString(Duration.ofDays(1).toSeconds());
    /** Like Tomcat's maxSwallowSize: how much of a refused body is read and dropped so the client sees the 413. */
    private static final long SWALLOW_BYTES = 2L << 20;

    private final ReportCollector collector;
    private final ReportTenantResolver tenants;

    public CspReportServlet(ReportCollector collector, ReportTenantResolver tenants) {
        this.collector = collector;
        this.tenants = tenants;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Access-Control-Allow-Origin", "*");
        try {
            switch (request.getMethod()) {
                case "POST" -> post(request, response);
                case "OPTIONS" -> preflight(response);
                default -> {
                    response.setHeader("Allow", "POST, OPTIONS");
                    reject(response, collector.refuse(RejectReason.METHOD_NOT_ALLOWED, "use POST to send reports"));
                }
            }
        } catch (RuntimeException e) {
            LOG.error("CSP report request failed", e);
            if (!response.isCommitted()) {
                response.resetBuffer();
                text(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "internal error");
            }
        }
    }

    private void post(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<ReportTenant> tenant;
        try {
            tenant = tenants.tenantSlug(request).flatMap(collector::tenant);
        } catch (RuntimeException e) {
            LOG.warn("tenant lookup failed: {}", e.toString());
            reject(response, collector.refuse(Submission.Rejected.retryLater(RejectReason.UNAVAILABLE,
                    "the tenant cannot be looked up now", collector.config().backlogRetryAfter())));
            return;
        }
        if (tenant.isEmpty()) {
            reject(response, collector.refuse(RejectReason.UNKNOWN_TENANT, "unknown tenant"));
            return;
        }
        if (ReportMediaType.of(request.getContentType()).isEmpty()) {
            reject(response, collector.refuse(RejectReason.UNSUPPORTED_MEDIA_TYPE,
                    ReportMediaType.REQUIREMENT));
            return;
        }
        String encoding = request.getHeader("Content-Encoding");
        if (encoding != null && !encoding.isBlank() && !"identity".equalsIgnoreCase(encoding.strip())) {
            reject(response, collector.refuse(RejectReason.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Encoding is not supported; send the report uncompressed"));
            return;
        }
        int maxBodyBytes = collector.config().maxBodyBytes();
        Optional<byte[]> body;
        try {
            body = readBody(request, maxBodyBytes);
        } catch (IOException e) {
            reject(response, collector.refuse(RejectReason.MALFORMED, "the request body could not be read"));
            return;
        }
        if (body.isEmpty()) {
            swallow(request);
            reject(response, collector.refuse(RejectReason.PAYLOAD_TOO_LARGE,
                    "the body is over " + maxBodyBytes + " bytes"));
            return;
        }
        ClientInfo client = ClientInfo.of(request.getHeader("User-Agent"), request.getRemoteAddr());
        Submission submission = collector.submit(tenant.get(), request.getContentType(), body.get(), client);
        if (submission instanceof Submission.Rejected rejected) {
            reject(response, rejected);
        } else {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        }
    }

    /**
     * Reads at most {@code max} bytes; empty if there are more. A declared Content-Length over the
     * limit is refused unread, but the stream is capped whatever the header says (it may be absent
     * with chunked encoding, or lie).
     */
    private static Optional<byte[]> readBody(HttpServletRequest request, int max) throws IOException {
        if (request.getContentLengthLong() > max) {
            return Optional.empty();
        }
        byte[] body = request.getInputStream().readNBytes(max + 1);
        return body.length > max ? Optional.empty() : Optional.of(body);
    }

    /**
     * A client still sending a refused body may miss the answer when the connection is closed under
     * it; read and drop what is left, up to a bound (a longer body just gets the connection closed).
     */
    private static void swallow(HttpServletRequest request) {
        if (request.getContentLengthLong() > SWALLOW_BYTES) {
            return;
        }
        try {
            InputStream in = request.getInputStream();
            byte[] buffer = new byte[8192];
            long read = 0;
            for (int n = in.read(buffer); n >= 0 && read < SWALLOW_BYTES; n = in.read(buffer)) {
                read += n;
            }
        } catch (IOException e) {
            // The client gave up; the 413 goes out if it can.
        }
    }

    private static void preflight(HttpServletResponse response) {
        response.setHeader("Access-Control-Allow-Methods", "POST");
        response.setHeader("Access-Control-Allow-Headers", "Content-Type");
        response.setHeader("Access-Control-Max-Age", PREFLIGHT_MAX_AGE);
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    private static void reject(HttpServletResponse response, Submission.Rejected rejected) throws IOException {
        rejected.retryAfter().ifPresent(wait -> response.setHeader("Retry-After", Long.toString(seconds(wait))));
        text(response, rejected.reason().status(), rejected.message());
    }

    /** Retry-After takes whole seconds; round up so a client never comes back too early. */
    private static long seconds(Duration wait) {
        long seconds = wait.toSeconds();
        return wait.equals(Duration.ofSeconds(seconds)) ? Math.max(1, seconds) : seconds + 1;
    }

    private static void text(HttpServletResponse response, int status, String message) throws IOException {
        byte[] bytes = (message + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain;charset=utf-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
