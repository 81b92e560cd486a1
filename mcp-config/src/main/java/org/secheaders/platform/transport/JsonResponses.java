package org.secheaders.platform.transport;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.eclipse.jetty.http.HttpStatus;
import org.secheaders.platform.PlatformJson;

/** Writes the platform's own small JSON bodies. */
final class JsonResponses {

    private JsonResponses() {
    }

    static void write(HttpServletResponse original, int status, Object body) throws IOException {
        HttpServletResponse response = ErrorCapturingResponse.unwrapped(original);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(PlatformJson.mapper().writeValueAsString(body));
        response.getWriter().flush();
    }

    /** The only error body shape clients ever see: {@code {"error": "...", "status": N}}. */
    static Map<String, Object> error(int status, String message) {
        String text = message == null || message.isBlank() ? HttpStatus.getMessage(status) : message;
        return Map.of("error", text, "status", status);
    }
}
