package org.secheaders.platform.server;

import org.secheaders.platform.config.PlatformConfig;

/** Builds a server module's definition once the configuration is known (e.g. to open its database). */
@FunctionalInterface
public interface ServerFactory {

    ServerDefinition create(PlatformConfig config) throws Exception;
}
