package org.secheaders.platform.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.secheaders.domain.model.Role;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.platform.auth.AccessMatrix;
import org.secheaders.platform.auth.AccessPolicy;
import org.secheaders.platform.auth.Identity;
import org.secheaders.platform.observability.PlatformMetrics;
import org.secheaders.platform.testkit.McpClients;
import org.secheaders.platform.testkit.ScriptedTool;
import org.secheaders.platform.tool.ToolArguments;
import org.secheaders.platform.tool.ToolContext;
import org.secheaders.platform.tool.ToolException;

class ToolInvokerTest {

    private static final Identity ANALYST = new Identity("ana", Role.SECURITY_ANALYST, Optional.empty());

    private final PlatformMetrics metrics = new PlatformMetrics("test");

    @Test
    void handlerGetsTheAuthorizedScopeAndNoRawTenantArgument() {
        AtomicReference<ToolContext> seenContext = new AtomicReference<>();
        AtomicReference<ToolArguments> seenArguments = new AtomicReference<>();
        ScriptedTool tool = ScriptedTool.of("probe", (context, arguments) -> {
            seenContext.set(context);
            seenArguments.set(arguments);
            return Map.of("ok", true);
        });

        CallToolResult result = invoker(Optional.of(ANALYST)).call(tool, McpTransportContext.EMPTY,
                McpClients.request("probe", Map.of("tenant_id", 4, "x", 1)));

        assertFalse(result.isError());
        assertEquals(Map.of("ok", true), result.structuredContent());
        assertEquals(TenantScope.tenant(4), seenContext.get().scope());
        assertEquals(ANALYST, seenContext.get().identity());
        assertFalse(seenArguments.get().has("tenant_id"));
        assertTrue(seenArguments.get().has("x"));
    }

    @Test
    void callerlessCallsAreDenied() {
        CallToolResult result = invoker(Optional.empty()).call(ScriptedTool.of("probe", (c, a) -> Map.of()),
                McpTransportContext.EMPTY, McpClients.request("probe", Map.of()));

        assertTrue(result.isError());
        assertEquals("access denied: not authenticated", text(result));
        assertEquals(1, count("probe", "denied"));
    }

    @Test
    void outcomesAreToolErrorsAndMetrics() {
        ToolInvoker invoker = invoker(Optional.of(ANALYST));
        ScriptedTool failing = ScriptedTool.of("failing", (c, a) -> {
            throw new ToolException("incident 5 is already closed");
        });
        ScriptedTool listReturning = ScriptedTool.of("listy", (c, a) -> List.of(1, 2));

        CallToolResult failed = invoker.call(failing, McpTransportContext.EMPTY, McpClients.request("failing", Map.of()));
        CallToolResult badTenant = invoker.call(failing, McpTransportContext.EMPTY,
                McpClients.request("failing", Map.of("tenant_id", "seven")));
        CallToolResult notAnObject = invoker.call(listReturning, McpTransportContext.EMPTY,
                McpClients.request("listy", null));

        assertEquals("incident 5 is already closed", text(failed));
        assertEquals("argument 'tenant_id' must be an integer, got 'seven'", text(badTenant));
        assertTrue(text(notAnObject).matches("internal error in listy; correlation id [0-9a-f-]{36}"), text(notAnObject));
        assertEquals(1, count("failing", "failed"));
        assertEquals(1, count("failing", "invalid_input"));
        assertEquals(1, count("listy", "error"));
    }

    private ToolInvoker invoker(Optional<Identity> caller) {
        return new ToolInvoker(new CallAuthorizer(new AccessPolicy(AccessMatrix.standard()), transport -> caller,
                Optional.empty()), metrics);
    }

    private long count(String tool, String outcome) {
        return metrics.registry().get("mcp.tool.calls").tag("tool", tool).tag("outcome", outcome).timer().count();
    }

    private static String text(CallToolResult result) {
        return ((TextContent) result.content().get(0)).text();
    }
}
