package org.secheaders.domain.db;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the database is and how to connect. Validated when built, so a bad value fails at start.
 *
 * <p>The default is an H2 file database {@code secheaders} in the data directory, opened with
 * {@code AUTO_SERVER=TRUE}: the first process to open it serves it to the others on the same
 * machine (CLI, MCP servers, the collector), so they can run side by side without a database server.
 *
 * @param url      JDBC URL; {@code jdbc:mysql:} is rewritten to {@code jdbc:mariadb:} because
 *                 the MariaDB driver (the one shipped) serves both
 * @param dataDir  directory for the H2 file and other local state
 */
public record DatabaseConfig(
        String url, Optional<String> user, Optional<String> password, int poolSize, Path dataDir) {

    public static final String ENV_DB_URL = "SECHEADERS_DB_URL";
    public static final String ENV_DB_USER = "SECHEADERS_DB_USER";
    public static final String ENV_DB_PASSWORD = "SECHEADERS_DB_PASSWORD";
    public static final String ENV_DB_POOL_SIZE = "SECHEADERS_DB_POOL_SIZE";
    public static final String ENV_DATA_DIR = "SECHEADERS_DATA_DIR";

    public static final int DEFAULT_POOL_SIZE = 10;
    public static final int MAX_POOL_SIZE = 200;
    private static final String MYSQL_PREFIX = "jdbc:mysql:";
    /** H2's built-in administrator; an embedded file database needs no other account. */
    private static final String H2_DEFAULT_USER = "sa";

    public DatabaseConfig {
        url = normalizeUrl(url);
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (poolSize < 1 || poolSize > MAX_POOL_SIZE) {
            throw new IllegalArgumentException("pool size " + poolSize + " must be between 1 and " + MAX_POOL_SIZE);
        }
        dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize();
    }

    /** The default H2 file database in {@code dataDir}. */
    public static DatabaseConfig h2(Path dataDir) {
        return new DatabaseConfig(h2Url(dataDir), Optional.of(H2_DEFAULT_USER), Optional.empty(),
                DEFAULT_POOL_SIZE, dataDir);
    }

    /**
     * Reads {@value #ENV_DB_URL}, {@value #ENV_DB_USER}, {@value #ENV_DB_PASSWORD},
     * {@value #ENV_DB_POOL_SIZE} and {@value #ENV_DATA_DIR}; blank values count as unset.
     *
     * @throws IllegalArgumentException naming the variable whose value is unusable
     */
    public static DatabaseConfig fromEnvironment(Map<String, String> env, Path defaultDataDir) {
        Path dataDir = variable(env, ENV_DATA_DIR, Path::of).orElse(defaultDataDir);
        Optional<String> url = variable(env, ENV_DB_URL, DatabaseConfig::normalizeUrl);
        Optional<String> user = variable(env, ENV_DB_USER, v -> v)
                .or(() -> url.isEmpty() ? Optional.of(H2_DEFAULT_USER) : Optional.empty());
        int poolSize = variable(env, ENV_DB_POOL_SIZE, DatabaseConfig::parsePoolSize).orElse(DEFAULT_POOL_SIZE);
        return new DatabaseConfig(url.orElseGet(() -> h2Url(dataDir)), user,
                variable(env, ENV_DB_PASSWORD, v -> v), poolSize, dataDir);
    }

    public Dialect dialect() {
        return Dialect.fromJdbcUrl(url);
    }

    /** The URL without its query string, where drivers accept credentials; for logs. */
    public String redactedUrl() {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?...";
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "DatabaseConfig[url=" + redactedUrl() + ", user=" + user.orElse("") + ", password="
                + (password.isPresent() ? "****" : "") + ", poolSize=" + poolSize + ", dataDir=" + dataDir + "]";
    }

    private static String h2Url(Path dataDir) {
        // LOCK_TIMEOUT: a writer in another process may hold a row lock for a moment.
        // MAX_LENGTH_INPLACE_LOB: JSON columns are CLOBs, and H2 moves a CLOB over 256 bytes out of line
        // by default; a violation's metadata (500-700 bytes) would cost a LOB-store copy per insert and
        // a LOB read per row read (see the collector's profile, docs/COLLECTOR.md).
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("secheaders")
                + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000;MAX_LENGTH_INPLACE_LOB=8192";
    }

    private static String normalizeUrl(String url) {
        Objects.requireNonNull(url, "url");
        String normalized = url.startsWith(MYSQL_PREFIX)
                ? Dialect.MARIADB.urlPrefix() + url.substring(MYSQL_PREFIX.length())
                : url;
        Dialect.fromJdbcUrl(normalized);
        return normalized;
    }

    private static int parsePoolSize(String value) {
        int size = Integer.parseInt(value);
        if (size < 1 || size > MAX_POOL_SIZE) {
            throw new IllegalArgumentException("must be between 1 and " + MAX_POOL_SIZE);
        }
        return size;
    }

    /** A trimmed, non-blank variable converted by {@code parse}; a conversion error names the variable. */
    private static <T> Optional<T> variable(Map<String, String> env, String name, Function<String, T> parse) {
        Optional<String> value = Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
        try {
            return value.map(parse);
        } catch (IllegalArgumentException e) { // also NumberFormatException and InvalidPathException
            throw new IllegalArgumentException(name + ": '" + value.orElseThrow() + "' is not valid: " + e.getMessage(), e);
        }
    }
}
