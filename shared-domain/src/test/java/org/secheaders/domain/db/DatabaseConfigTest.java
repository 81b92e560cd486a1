package org.secheaders.domain.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseConfigTest {
    private static final Path DEFAULT_DIR = Path.of("data");

    @Test
    void defaultsToASharedH2FileInTheDefaultDataDirectory() {
        DatabaseConfig config = DatabaseConfig.fromEnvironment(Map.of(), DEFAULT_DIR);

        Path dir = DEFAULT_DIR.toAbsolutePath().normalize();
        assertEquals(Dialect.H2, config.dialect());
        assertEquals("jdbc:h2:file:" + dir.resolve("secheaders") + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000;MAX_LENGTH_INPLACE_LOB=8192", config.url());
        assertEquals(dir, config.dataDir());
        assertEquals(Optional.of("sa"), config.user());
        assertEquals(Optional.empty(), config.password());
        assertEquals(DatabaseConfig.DEFAULT_POOL_SIZE, config.poolSize());
    }

    @Test
    void dataDirectoryVariableMovesTheH2File() {
        DatabaseConfig config = DatabaseConfig.fromEnvironment(Map.of("SECHEADERS_DATA_DIR", " /var/lib/secheaders "), DEFAULT_DIR);

        assertEquals(Path.of("/var/lib/secheaders"), config.dataDir());
        assertTrue(config.url().startsWith("jdbc:h2:file:/var/lib/secheaders/secheaders;"));
    }

    @Test
    void urlVariableSelectsPostgresqlWithCredentials() {
        DatabaseConfig config = DatabaseConfig.fromEnvironment(Map.of(
                "SECHEADERS_DB_URL", "jdbc:postgresql://db:5432/secheaders",
                "SECHEADERS_DB_USER", "app",
                "SECHEADERS_DB_PASSWORD", "s3cret",
                "SECHEADERS_DB_POOL_SIZE", "25"), DEFAULT_DIR);

        assertEquals(Dialect.POSTGRESQL, config.dialect());
        assertEquals("jdbc:postgresql://db:5432/secheaders", config.url());
        assertEquals(Optional.of("app"), config.user());
        assertEquals(Optional.of("s3cret"), config.password());
        assertEquals(25, config.poolSize());
        assertFalse(config.toString().contains("s3cret"), config.toString());
    }

    @Test
    void logsNeverShowCredentialsPassedInTheUrl() {
        DatabaseConfig config = DatabaseConfig.fromEnvironment(
                Map.of("SECHEADERS_DB_URL", "jdbc:postgresql://db/secheaders?user=app&password=s3cret"), DEFAULT_DIR);

        assertEquals("jdbc:postgresql://db/secheaders?...", config.redactedUrl());
        assertFalse(config.toString().contains("s3cret"), config.toString());
    }

    @Test
    void mysqlUrlsUseTheMariadbDriver() {
        DatabaseConfig config = DatabaseConfig.fromEnvironment(
                Map.of("SECHEADERS_DB_URL", "jdbc:mysql://db:3306/secheaders"), DEFAULT_DIR);

        assertEquals(Dialect.MARIADB, config.dialect());
        assertEquals("jdbc:mariadb://db:3306/secheaders", config.url());
        assertEquals(Optional.empty(), config.user(), "no H2 default user for a server database");
        assertEquals(Dialect.MARIADB, DatabaseConfig.fromEnvironment(
                Map.of("SECHEADERS_DB_URL", "jdbc:mariadb://db/x"), DEFAULT_DIR).dialect());
    }

    @Test
    void blankVariablesCountAsUnset() {
        DatabaseConfig config = DatabaseConfig.fromEnvironment(
                Map.of("SECHEADERS_DB_URL", "  ", "SECHEADERS_DB_PASSWORD", ""), DEFAULT_DIR);

        assertEquals(Dialect.H2, config.dialect());
        assertEquals(Optional.empty(), config.password());
    }

    @Test
    void badValuesNameTheVariable() {
        assertNamed("SECHEADERS_DB_URL", Map.of("SECHEADERS_DB_URL", "jdbc:oracle:thin:@db:1521:x"));
        assertNamed("SECHEADERS_DB_URL", Map.of("SECHEADERS_DB_URL", "postgresql://db/x"));
        assertNamed("SECHEADERS_DB_POOL_SIZE", Map.of("SECHEADERS_DB_POOL_SIZE", "ten"));
        assertNamed("SECHEADERS_DB_POOL_SIZE", Map.of("SECHEADERS_DB_POOL_SIZE", "0"));
        assertNamed("SECHEADERS_DB_POOL_SIZE", Map.of("SECHEADERS_DB_POOL_SIZE", "100000"));
        assertNamed("SECHEADERS_DATA_DIR", Map.of("SECHEADERS_DATA_DIR", "bad\0dir"));
    }

    private static void assertNamed(String variable, Map<String, String> env) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatabaseConfig.fromEnvironment(env, DEFAULT_DIR));
        assertTrue(e.getMessage().startsWith(variable + ":"), e.getMessage());
    }
}
