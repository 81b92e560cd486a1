package org.secheaders.platform.server;

import static net.logstash.logback.argument.StructuredArguments.kv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.secheaders.platform.PlatformJson;
import org.secheaders.platform.auth.Identity;
import org.secheaders.platform.observability.CallOutcome;
import org.secheaders.platform.observability.LogContext;
import org.secheaders.platform.observability.PlatformMetrics;
import org.secheaders.platform.tool.McpTool;
import org.secheaders.platform.tool.ToolArguments;
import org.secheaders.platform.tool.ToolException;
import org.secheaders.platform.tool.ToolInputException;
import org.secheaders.platform.transport.HttpRequestContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one tool call: correlation id and log context, authorization before the handler, the
 * handler, result serialization, metrics and an audit line. Every failure becomes a tool error
 * result ({@code isError: true}) with a message and never a stack trace.
 */
final class ToolInvoker {

    private static final Logger LOG = LoggerFactory.getLogger(ToolInvoker.class);
    private static final Logger AUDIT = LoggerFactory.getLogger("secheaders.audit");
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final CallAuthorizer authorizer;
    private final PlatformMetrics metrics;

    ToolInvoker(CallAuthorizer authorizer, PlatformMetrics metrics) {
        this.authorizer = authorizer;
        this.metrics = metrics;
    }

    private record Completed(CallOutcome outcome, CallToolResult result, String scope) {
    }

    @SuppressWarnings("try") // the log context is used for its scope, not referenced
    CallToolResult call(McpTool tool, McpTransportContext transport, CallToolRequest request) {
        long started = System.nanoTime();
        String correlationId = HttpRequestContext.correlationId(transport).orElseGet(() -> UUID.randomUUID().toString());
        Optional<Identity> caller = authorizer.caller(transport);
        try (LogContext ignored = LogContext.forToolCall(correlationId, tool.name(), caller)) {
            Completed completed = execute(tool, caller, request.arguments(), correlationId);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            metrics.recordToolCall(tool.name(), completed.outcome(), elapsed);
            AUDIT.info("tool call {} {} {} {}", kv("tool", tool.name()), kv("outcome", completed.outcome().wireName()),
                    kv("scope", completed.scope()), kv("durationMs", elapsed.toMillis()));
            return completed.result();
        }
    }

    private Completed execute(McpTool tool, Optional<Identity> caller, Map<String, Object> arguments,
            String correlationId) {
        try {
            Admission admission = authorizer.admit(caller, tool.category(), tool.hints().operation(),
                    authorizer.requestedTenant(arguments), correlationId);
            if (admission instanceof Admission.Refused refused) {
                return new Completed(CallOutcome.DENIED, error("access denied: " + refused.reason()), "none");
            }
            Admission.Admitted admitted = (Admission.Admitted) admission;
            Object output = tool.call(admitted.context(), ToolArguments.of(arguments));
            return new Completed(CallOutcome.SUCCESS, success(output), admitted.context().scope().toString());
        } catch (ToolInputException e) {
            return new Completed(CallOutcome.INVALID_INPUT, error(e.getMessage()), "none");
        } catch (ToolException e) {
            return new Completed(CallOutcome.FAILED, error(e.getMessage()), "none");
        } catch (RuntimeException e) {
            LOG.error("tool {} failed", tool.name(), e);
            return new Completed(CallOutcome.ERROR,
                    error("internal error in " + tool.name() + "; correlation id " + correlationId), "none");
        }
    }

    /** The structured result plus the same JSON as text, for clients that only read content. */
    private static CallToolResult success(Object output) {
        Map<String, Object> structured = PlatformJson.mapper().convertValue(output, OBJECT);
        try {
            return CallToolResult.builder()
                    .structuredContent(structured)
                    .addTextContent(PlatformJson.mapper().writeValueAsString(structured))
                    .isError(false)
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a converted map always serializes", e);
        }
    }

    private static CallToolResult error(String message) {
        return CallToolResult.builder().addTextContent(message).isError(true).build();
    }
}
