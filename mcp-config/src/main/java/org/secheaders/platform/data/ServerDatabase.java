package org.secheaders.platform.data;

import java.time.Clock;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.db.Migrations;
import org.secheaders.platform.config.PlatformConfig;
import org.secheaders.platform.server.ServerDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server module's database, opened in the background from the platform configuration ({@code --data-dir} for the
 * default H2 file, or {@code --db-url}) and migrated unless {@code db.migrate=false}. Wires the
 * database into a server definition in one call:
 * <pre>{@code
 * ServerFactory factory = config -> {
 *     ServerDatabase db = ServerDatabase.open(config);
 *     return db.attachTo(ServerDefinition.builder("compliance-checker", "0.1.0"))
 *             .instructions("…")
 *             .tool(new RunComplianceCheckTool(db.database()))
 *             .build();
 * };
 * }</pre>
 */
public final class ServerDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServerDatabase.class);

    private final Database database;
    private final DatabaseTokenAuthenticator authenticator;

    private ServerDatabase(Database database) {
        this.database = database;
        this.authenticator = new DatabaseTokenAuthenticator(database.apiTokens(), database.clock());
    }

    /**
     * Starts opening the pool and applying pending migrations (if configured) on another thread and
     * returns at once, so the caller builds its server meanwhile; {@link #attachTo} makes the server
     * wait for both before it serves, and fail to start if either fails.
     */
    public static ServerDatabase open(PlatformConfig config) {
        boolean migrate = config.database().migrateOnStart();
        if (migrate) {
            Migrations.readChangelogAhead();
        }
        return new ServerDatabase(Database.openInBackground(config.databaseConfig(), Clock.systemUTC(), database -> {
            if (migrate) {
                // Skips Liquibase when nothing is pending: it dominated the cold start of every stdio server.
                database.migrations().migrateIfBehind();
            } else {
                LOG.info("not migrating {}: db.migrate is false", database.config().redactedUrl());
            }
        }));
    }

    public Database database() {
        return database;
    }

    /** Bearer tokens from {@code api_tokens}; checked after any static {@code --token}s. */
    public DatabaseTokenAuthenticator authenticator() {
        return authenticator;
    }

    /**
     * Adds the token authenticator, the database readiness check and the wait for the database before
     * serving, and closes the database on shutdown.
     */
    public ServerDefinition.Builder attachTo(ServerDefinition.Builder definition) {
        return definition.authenticator(authenticator)
                .beforeServing(database::awaitOpen)
                .readinessCheck(DatabaseHealth.readinessCheck(database))
                .closeOnShutdown(this);
    }

    @Override
    public void close() {
        try {
            authenticator.close();
        } finally {
            database.close();
        }
    }
}
