package org.secheaders.platform.tool;

/**
 * A tool call failed for a reason the caller may read (not found, conflict, …). It becomes a
 * tool error result with this message; no stack trace is captured or shown.
 */
public class ToolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ToolException(String message) {
        super(message, null, false, false);
    }
}
