package org.secheaders.platform.server;

import static net.logstash.logback.argument.StructuredArguments.kv;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.BlobResourceContents;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.modelcontextprotocol.util.DefaultMcpUriTemplateManager;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.secheaders.platform.auth.Identity;
import org.secheaders.platform.auth.Operation;
import org.secheaders.platform.auth.ResourceCategory;
import org.secheaders.platform.observability.CallOutcome;
import org.secheaders.platform.observability.LogContext;
import org.secheaders.platform.observability.PlatformMetrics;
import org.secheaders.platform.tool.McpResource;
import org.secheaders.platform.tool.McpResourceTemplate;
import org.secheaders.platform.tool.ResourceBlob;
import org.secheaders.platform.tool.ResourceContent;
import org.secheaders.platform.tool.ResourceNotFoundException;
import org.secheaders.platform.tool.ResourceText;
import org.secheaders.platform.tool.ToolContext;
import org.secheaders.platform.tool.ToolException;
import org.secheaders.platform.transport.HttpRequestContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one resource read, authorized as a read of the resource's category: platform-wide for a
 * fixed resource; for a template, for the tenant its slug variable names, or else (an id-addressed
 * read) for the caller's own tenant when it is bound to one. Resource reads have no error result in
 * MCP, so failures are JSON-RPC errors with a message only.
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

    /**
     * What one read touches.
     *
     * @param label    the fixed URI or the template: a bounded metric tag and log field
     * @param tenant   the tenant the read names, from the caller (may throw {@link ToolException})
     * @param contents the handler, for an authorized context
     */
    private record Target(String label, ResourceCategory category, Function<Optional<Identity>, Optional<Long>> tenant,
            Function<ToolContext, ResourceContent> contents) {
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

    ReadResourceResult read(McpResource resource, McpTransportContext transport) {
        return read(new Target(resource.uri(), resource.category(), caller -> Optional.empty(),
                context -> new ResourceText(resource.read(context), resource.mimeType())), resource.uri(), transport);
    }

    ReadResourceResult read(McpResourceTemplate template, String uri, McpTransportContext transport) {
        Map<String, String> variables = new DefaultMcpUriTemplateManager(template.uriTemplate()).extractVariableValues(uri);
        Function<Optional<Identity>, Optional<Long>> tenant = template.tenantVariable()
                .<Function<Optional<Identity>, Optional<Long>>>map(variable ->
                        caller -> Optional.of(authorizer.tenantOfSlug(variables.get(variable))))
                .orElse(caller -> caller.flatMap(Identity::tenantId));
        return read(new Target(template.uriTemplate(), template.category(), tenant,
                context -> template.read(context, variables)), uri, transport);
    }

    @SuppressWarnings("try") // the log context is used for its scope, not referenced
    private ReadResourceResult read(Target target, String uri, McpTransportContext transport) {
        long started = System.nanoTime();
        String correlationId = HttpRequestContext.correlationId(transport).orElseGet(() -> UUID.randomUUID().toString());
        Optional<Identity> caller = authorizer.caller(transport);
        try (LogContext ignored = LogContext.forResourceRead(correlationId, target.label(), caller)) {
            Completed completed = execute(target, uri, caller, correlationId);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            metrics.recordResourceRead(target.label(), completed.outcome(), elapsed);
            AUDIT.info("resource read {} {} {}", kv("uri", uri), kv("outcome", completed.outcome().wireName()),
                    kv("durationMs", elapsed.toMillis()));
            return completed.resultOrThrow();
        }
    }

    private Completed execute(Target target, String uri, Optional<Identity> caller, String correlationId) {
        try {
            Admission admission = authorizer.admit(caller, target.category(), Operation.READ, target.tenant().apply(caller),
                    correlationId);
            if (admission instanceof Admission.Refused refused) {
                return Completed.failed(CallOutcome.DENIED, ACCESS_DENIED, "access denied: " + refused.reason());
            }
            ResourceContent content = target.contents().apply(((Admission.Admitted) admission).context());
            return new Completed(CallOutcome.SUCCESS,
                    Optional.of(ReadResourceResult.builder(List.of(contents(uri, content))).build()), Optional.empty());
        } catch (ResourceNotFoundException e) {
            return Completed.failed(CallOutcome.FAILED, McpSchema.ErrorCodes.RESOURCE_NOT_FOUND, e.getMessage());
        } catch (ToolException e) {
            return Completed.failed(CallOutcome.FAILED, McpSchema.ErrorCodes.INVALID_PARAMS, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("resource {} failed", uri, e);
            return Completed.failed(CallOutcome.ERROR, McpSchema.ErrorCodes.INTERNAL_ERROR,
                    "internal error reading " + uri + "; correlation id " + correlationId);
        }
    }

    private static McpSchema.ResourceContents contents(String uri, ResourceContent content) {
        if (content instanceof ResourceBlob blob) {
            return BlobResourceContents.builder(uri, Base64.getEncoder().encodeToString(blob.bytes()))
                    .mimeType(blob.mimeType()).build();
        }
        ResourceText text = (ResourceText) content;
        return TextResourceContents.builder(uri, text.text()).mimeType(text.mimeType()).build();
    }
}
