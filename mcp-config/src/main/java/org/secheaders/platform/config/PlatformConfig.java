package org.secheaders.platform.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.secheaders.platform.auth.Identity;
import org.secheaders.platform.auth.StaticToken;

/**
 * Everything a server needs to start, validated when loaded ({@link PlatformConfigLoader}).
 *
 * @param allowedOrigins effective Origin patterns (defaults plus configured)
 * @param allowedHosts effective Host patterns (defaults plus configured)
 * @param localIdentity the caller in stdio mode
 * @param tokens static bearer tokens for HTTP mode (secrets are not kept, only digests)
 */
public record PlatformConfig(
        TransportKind transport,
        String bind,
        int port,
        List<String> allowedOrigins,
        List<String> allowedHosts,
        Path dataDir,
        DatabaseSettings database,
        Identity localIdentity,
        List<StaticToken> tokens,
        LogLevel logLevel,
        Optional<Path> logFile) {

    public PlatformConfig {
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedHosts = List.copyOf(allowedHosts);
        tokens = List.copyOf(tokens);
    }
}
