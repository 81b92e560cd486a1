package org.secheaders.platform.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.secheaders.domain.model.Role;
import org.secheaders.platform.auth.Identity;
import org.secheaders.platform.config.ConfigException;
import org.secheaders.platform.config.PlatformConfig;
import org.secheaders.platform.config.PlatformConfigLoader;
import org.secheaders.platform.testkit.RawHttp;
import org.secheaders.platform.testkit.SampleServer;
import org.secheaders.platform.testkit.ScriptedTool;
import org.secheaders.platform.testkit.SumTool;
import org.secheaders.platform.testkit.TestTokens;

class ServerRuntimeTest {

    private static final Map<String, String> MCP_HEADERS = Map.of(
            "Accept", "application/json, text/event-stream", "Content-Type", "application/json");

    @Test
    void httpWithoutAnyWayToAuthenticateRefusesToStartAndClosesWhatWasOpened() {
        List<String> closed = new ArrayList<>();
        ServerDefinition definition = ServerDefinition.builder("no-auth", "1").instructions("test")
                .closeOnShutdown(() -> closed.add("pool"))
                .build();

        ConfigException e = assertThrows(ConfigException.class,
                () -> ServerRuntime.startHttp(definition, config("--transport", "http", "--port", "0")));

        assertEquals("transport http requires bearer tokens, but none are configured: set --token, SECHEADERS_TOKENS or tokens",
                e.getMessage());
        assertEquals(List.of("pool"), closed);
    }

    /** How a server module plugs in its database-backed authenticator; static tokens are asked first. */
    @Test
    void definitionAuthenticatorServesBesideStaticTokens() throws Exception {
        Identity fromDatabase = new Identity("db-user", Role.COMPLIANCE_OFFICER, Optional.empty());
        ServerDefinition definition = ServerDefinition.builder("db-backed", "1")
                .instructions("test")
                .tool(new SumTool())
                .authenticator(token -> token.equals("database-token-0001") ? Optional.of(fromDatabase) : Optional.empty())
                .build();

        try (RunningServer server = ServerRuntime.startHttp(definition,
                config("--transport", "stateless", "--port", "0", "--token", "superadmin:" + TestTokens.SUPERADMIN))) {
            URI mcp = server.baseUri().resolve("/mcp");
            assertEquals(200, initialize(mcp, "database-token-0001"));
            assertEquals(200, initialize(mcp, TestTokens.SUPERADMIN));
            assertEquals(401, initialize(mcp, "unknown-token-000001"));
        }
    }

    @Test
    void invalidToolSchemasFailAtStartup() {
        ServerDefinition definition = ServerDefinition.builder("broken", "1").instructions("test")
                .tool(new ScriptedTool("broken_tool", "{not json", ScriptedTool.OPEN_SCHEMA, (c, a) -> Map.of()))
                .build();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ServerRuntime.startHttp(definition,
                config("--transport", "http", "--port", "0", "--token", "admin:" + TestTokens.SUPERADMIN)));
        assertTrue(e.getMessage().startsWith("tool broken_tool has an invalid definition: "), e.getMessage());
    }

    @Test
    void closingStopsHttpThenClosesResourcesNewestFirst() throws Exception {
        List<String> closed = new ArrayList<>();
        ServerDefinition.Builder builder = ServerDefinition.builder("closing", "1").instructions("test")
                .closeOnShutdown(() -> closed.add("pool"))
                .closeOnShutdown(() -> closed.add("cache"));
        RunningServer server = ServerRuntime.startHttp(builder.build(),
                config("--transport", "http", "--port", "0", "--token", "admin:" + TestTokens.SUPERADMIN));
        URI health = server.baseUri().resolve("/health");

        server.close();
        server.close();

        assertEquals(List.of("cache", "pool"), closed);
        assertThrows(RuntimeException.class, () -> RawHttp.get(health, Map.of()));
    }

    @Test
    void definitionsRejectDuplicatesAndMissingInstructions() {
        ScriptedTool tool = ScriptedTool.of("same", (c, a) -> Map.of());

        assertEquals("duplicate tool name 'same'", assertThrows(IllegalArgumentException.class,
                () -> ServerDefinition.builder("s", "1").instructions("i").tool(tool).tool(tool).build()).getMessage());
        assertEquals("server instructions must not be blank", assertThrows(IllegalArgumentException.class,
                () -> ServerDefinition.builder("s", "1").build()).getMessage());
    }

    private static int initialize(URI mcp, String token) {
        Map<String, String> headers = new HashMap<>(MCP_HEADERS);
        headers.put("Authorization", "Bearer " + token);
        return RawHttp.post(mcp, headers, RawHttp.initializeRequest()).statusCode();
    }

    private static PlatformConfig config(String... args) {
        return PlatformConfigLoader.load(args, Map.of());
    }
}
