package org.secheaders.analytics.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secheaders.analytics.testing.AnalyticsTestServer;

/**
 * Pins every tool's input and output schema as a client lists them: a refactoring of the schema text
 * must not change what clients see. The expected schemas are {@code tool-schemas/<tool>.json} (a
 * missing one differs); on a mismatch the listed ones are written to {@code target/tool-schemas/} to
 * diff against, and to copy over the pinned ones when a change of schema is meant.
 */
class ToolSchemasTest {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void clientsSeeThePinnedSchemas() throws IOException {
        try (McpSyncClient client = AnalyticsTestServer.SERVER.client(AnalyticsTestServer.ANALYST)) {
            List<Tool> tools = client.listTools().tools();
            List<String> differing = new ArrayList<>();
            for (Tool tool : tools) {
                JsonNode listed = JSON.valueToTree(Map.of("input", tool.inputSchema(), "output", tool.outputSchema()));
                if (!listed.equals(pinned(tool.name()))) {
                    differing.add(tool.name());
                    Path actual = Path.of("target", "tool-schemas", tool.name() + ".json");
                    Files.createDirectories(actual.getParent());
                    Files.writeString(actual, JSON.writeValueAsString(JSON.treeToValue(listed, Object.class)) + "\n");
                }
            }
            assertEquals(5, tools.size());
            assertEquals(List.of(), differing, "schemas differ from the pinned ones (listed ones in target/tool-schemas)");
        }
    }

    private static JsonNode pinned(String tool) throws IOException {
        try (InputStream in = ToolSchemasTest.class.getResourceAsStream("/tool-schemas/" + tool + ".json")) {
            return in == null ? null : JSON.readTree(in);
        }
    }
}
