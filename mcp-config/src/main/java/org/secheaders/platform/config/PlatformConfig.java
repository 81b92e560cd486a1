package org.secheaders.platform.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.secheaders.domain.db.DatabaseConfig;
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
        Optional<Path> logFile,
        ComplianceSettings compliance) {

    public PlatformConfig {
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedHosts = List.copyOf(allowedHosts);
        tokens = List.copyOf(tokens);
    }

    /** The settings in the form {@code Database.open} takes. */
    public DatabaseConfig databaseConfig() {
        return new DatabaseConfig(database.url(),
                Optional.of(database.user()).filter(user -> !user.isBlank()),
                Optional.of(database.password()).filter(password -> !password.isEmpty()),
                database.poolSize(), dataDir);
    }

    /** The same configuration listening on another port (several servers in one process). */
    public PlatformConfig withPort(int otherPort) {
        return new PlatformConfig(transport, bind, otherPort, allowedOrigins, allowedHosts, dataDir, database,
                localIdentity, tokens, logLevel, logFile, compliance);
    }
}
