package org.secheaders.platform.transport;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.secheaders.platform.observability.ReadinessCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /health/ready}: 200 when every {@link ReadinessCheck} passes, 503 otherwise, so a load
 * balancer stops routing here while e.g. the database is down. The body names each check's
 * state only; failure details go to the log because this endpoint is unauthenticated.
 */
final class ReadinessServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ReadinessServlet.class);

    private final transient List<ReadinessCheck> checks;

    ReadinessServlet(List<ReadinessCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> states = new LinkedHashMap<>();
        boolean ready = true;
        for (ReadinessCheck check : checks) {
            boolean up = passes(check);
            states.put(check.name(), up ? "UP" : "DOWN");
            ready &= up;
        }
        JsonResponses.write(response, ready ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                Map.of("status", ready ? "UP" : "DOWN", "checks", states));
    }

    private static boolean passes(ReadinessCheck check) {
        try {
            check.probe().check();
            return true;
        } catch (Exception e) {
            LOG.warn("readiness check '{}' failed: {}", check.name(), e.toString());
            return false;
        }
    }
}
