package org.secheaders.platform.server;

import static net.logstash.logback.argument.StructuredArguments.kv;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.secheaders.platform.auth.Identity;
import org.secheaders.platform.auth.Operation;
import org.secheaders.platform.observability.CallOutcome;
import org.secheaders.platform.observability.LogContext;
import org.secheaders.platform.observability.PlatformMetrics;
import org.secheaders.platform.tool.McpResource;
import org.secheaders.platform.tool.ToolException;
import org.secheaders.platform.transport.HttpRequestContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one resource read: authorized as a platform-wide read of the resource's category. Resource
 * reads have no error result in MCP, so failures are JSON-RPC errors with a message only.
 */
final class ResourceReader {

    /** JSON-RPC error code for an authorization denial (implementation-defined server error range). */
    static final int ACCESS_DENIED = -32001;

    private static final Logger LOG = LoggerFactory.getLogger(ResourceReader.class);
    private static final Logger AUDIT = LoggerFactory.getLogger("secheaders.audit");

    private final CallAuthorizer authorizer;
    private final PlatformMetrics metrics;

    ResourceReader(CallAuthorizer authorizer, PlatformMetrics metrics) {
        this.authorizer = authorizer;
        this.metrics = metrics;
    }

    /** A read's outcome and either its result or the JSON-RPC error to throw. */
    private record Completed(CallOutcome outcome, Optional<ReadResourceResult> result, Optional<McpError> failure) {
        static Completed failed(CallOutcome outcome, int code, String message) {
            return new Completed(outcome, Optional.empty(), Optional.of(McpError.builder(code).message(message).build()));
        }

        ReadResourceResult resultOrThrow() {
            return result.orElseThrow(failure::orElseThrow);
        }
    }

    @SuppressWarnings("try") // the log context is used for its scope, not referenced
    ReadResourceResult read(McpResource resource, McpTransportContext transport) {
        long started = System.nanoTime();
        String correlationId = HttpRequestContext.correlationId(transport).orElseGet(() -> UUID.randomUUID().toString());
        Optional<Identity> caller = authorizer.caller(transport);
        try (LogContext ignored = LogContext.forResourceRead(correlationId, resource.uri(), caller)) {
            Completed completed = execute(resource, caller, correlationId);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            metrics.recordResourceRead(resource.uri(), completed.outcome(), elapsed);
            AUDIT.info("resource read {} {} {}", kv("uri", resource.uri()), kv("outcome", completed.outcome().wireName()),
                    kv("durationMs", elapsed.toMillis()));
            return completed.resultOrThrow();
        }
    }

    private Completed execute(McpResource resource, Optional<Identity> caller, String correlationId) {
        try {
            Admission admission = authorizer.admit(caller, resource.category(), Operation.READ, Optional.empty(),
                    correlationId);
            if (admission instanceof Admission.Refused refused) {
                return Completed.failed(CallOutcome.DENIED, ACCESS_DENIED, "access denied: " + refused.reason());
            }
            String text = resource.read(((Admission.Admitted) admission).context());
            TextResourceContents contents = TextResourceContents.builder(resource.uri(), text)
                    .mimeType(resource.mimeType()).build();
            return new Completed(CallOutcome.SUCCESS, Optional.of(ReadResourceResult.builder(List.of(contents)).build()),
                    Optional.empty());
        } catch (ToolException e) {
            return Completed.failed(CallOutcome.FAILED, McpSchema.ErrorCodes.INVALID_PARAMS, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("resource {} failed", resource.uri(), e);
            return Completed.failed(CallOutcome.ERROR, McpSchema.ErrorCodes.INTERNAL_ERROR,
                    "internal error reading " + resource.uri() + "; correlation id " + correlationId);
        }
    }
}
