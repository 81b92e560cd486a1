package org.secheaders.platform.config;

import org.secheaders.domain.model.WireEnums;

/** How a server talks to its clients. */
public enum TransportKind {
    /** JSON-RPC lines on stdin/stdout; one local client; identity from configuration. */
    STDIO,
    /** Streamable HTTP at {@code /mcp} with sessions. */
    HTTP,
    /** Legacy HTTP+SSE: {@code /sse} plus {@code /mcp/message} (protocol 2024-11-05). */
    SSE,
    /** Streamable HTTP without sessions, so any instance behind a load balancer can answer. */
    STATELESS;

    public String wireName() {
        return WireEnums.wireName(this);
    }

    public boolean overHttp() {
        return this != STDIO;
    }

    /** The path an MCP client connects to below the server's base URL: {@code /sse} for legacy SSE, else {@code /mcp}. */
    public String clientPath() {
        if (!overHttp()) {
            throw new IllegalStateException("stdio has no URL");
        }
        return this == SSE ? "/sse" : "/mcp";
    }
}
