package org.secheaders.platform.server;

import io.modelcontextprotocol.common.McpTransportContext;
import java.util.Optional;
import org.secheaders.platform.auth.Identity;

/** Who makes a call: from the bearer token over HTTP, the configured local identity over stdio. */
@FunctionalInterface
interface CallerResolver {

    Optional<Identity> resolve(McpTransportContext transport);
}
