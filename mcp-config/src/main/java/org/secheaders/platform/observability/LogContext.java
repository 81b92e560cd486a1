package org.secheaders.platform.observability;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.secheaders.platform.auth.Identity;
import org.slf4j.MDC;

/**
 * Puts keys into the logging MDC for a block and restores what was there before, so nested
 * scopes (HTTP request, then tool call on the same thread) do not clobber each other.
 */
public final class LogContext implements AutoCloseable {

    public static final String CORRELATION_ID = "correlationId";
    public static final String SUBJECT = "subject";
    public static final String ROLE = "role";
    public static final String TOOL = "tool";
    public static final String RESOURCE = "resource";

    private final Map<String, String> previous = new LinkedHashMap<>();

    private LogContext(Map<String, String> entries) {
        entries.forEach((key, value) -> {
            previous.put(key, MDC.get(key));
            MDC.put(key, value);
        });
    }

    public static LogContext with(Map<String, String> entries) {
        return new LogContext(entries);
    }

    /** The fields of one tool call; the caller's when known. */
    public static LogContext forToolCall(String correlationId, String tool, Optional<Identity> caller) {
        return forCall(correlationId, TOOL, tool, caller);
    }

    /** The fields of one resource read; the caller's when known. */
    public static LogContext forResourceRead(String correlationId, String uri, Optional<Identity> caller) {
        return forCall(correlationId, RESOURCE, uri, caller);
    }

    private static LogContext forCall(String correlationId, String targetKey, String target, Optional<Identity> caller) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(CORRELATION_ID, correlationId);
        entries.put(targetKey, target);
        caller.ifPresent(identity -> {
            entries.put(SUBJECT, identity.subject());
            entries.put(ROLE, identity.role().wireName());
        });
        return new LogContext(entries);
    }

    @Override
    public void close() {
        previous.forEach((key, value) -> {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        });
    }
}
