package org.secheaders.platform.admin;

import java.util.Locale;

/** The MCP clients {@code client-config} writes configuration for. */
public enum McpClientKind {
    /** {@code claude_desktop_config.json}, key {@code mcpServers}. */
    CLAUDE_DESKTOP("claude_desktop_config.json (Claude Desktop: Settings > Developer > Edit Config)"),
    /** {@code ~/.cursor/mcp.json} or a project's {@code .cursor/mcp.json}, key {@code mcpServers}. */
    CURSOR("~/.cursor/mcp.json, or .cursor/mcp.json in a project"),
    /** {@code .vscode/mcp.json}: VS Code's key is {@code servers}, and each entry names its {@code type}. */
    VSCODE(".vscode/mcp.json (VS Code uses the key \"servers\", not \"mcpServers\")"),
    /** The MCP Inspector's command line. */
    INSPECTOR("a shell: MCP Inspector CLI (needs Node.js and npx)");

    private final String destination;

    McpClientKind(String destination) {
        this.destination = destination;
    }

    /** e.g. {@code claude-desktop}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Where the output is pasted. */
    public String destination() {
        return destination;
    }
}
