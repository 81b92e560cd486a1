package org.secheaders.platform.transport;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Optional;

/**
 * Holds back any body written after a 4xx/5xx status, and turns {@code sendError} into the
 * platform's JSON error instead of the container's error page. The SDK writes its error bodies
 * through {@link #getWriter()} (a serialized {@code McpError}, stack trace included), so that is
 * where they are caught; successful and streaming responses pass straight through.
 */
final class ErrorCapturingResponse extends HttpServletResponseWrapper {

    private StringWriter captured;
    private boolean errorWritten;

    ErrorCapturingResponse(HttpServletResponse response) {
        super(response);
    }

    /** The platform's own bodies are built from fixed fields, so they bypass the capture. */
    static HttpServletResponse unwrapped(HttpServletResponse response) {
        return response instanceof ErrorCapturingResponse capturing
                ? (HttpServletResponse) capturing.getResponse() : response;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (errorWritten) {
            return new PrintWriter(Writer.nullWriter());
        }
        if (getStatus() < 400) {
            return super.getWriter();
        }
        if (captured == null) {
            captured = new StringWriter();
        }
        return new PrintWriter(captured);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        writeError(status, message);
    }

    @Override
    public void sendError(int status) throws IOException {
        writeError(status, null);
    }

    /** The body that was held back, if any; the filter rewrites it once the chain returns. */
    Optional<String> capturedBody() {
        return errorWritten || captured == null ? Optional.empty() : Optional.of(captured.toString());
    }

    void writeError(int status, String message) throws IOException {
        errorWritten = true;
        HttpServletResponse response = (HttpServletResponse) getResponse();
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        // Server-side failure details go to the log, never to the client.
        JsonResponses.write(response, status, JsonResponses.error(status, status >= 500 ? null : message));
    }
}
