package org.secheaders.domain.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.db.DatabaseConfig;

/**
 * Real databases for tests: an H2 file in a temporary directory, and a uniquely named database on
 * the local PostgreSQL (127.0.0.1:5432, user postgres or root, trust auth) and MariaDB
 * (127.0.0.1:3306, root, empty password).
 *
 * <p>If PostgreSQL or MariaDB is unreachable the test is skipped with the reason, unless
 * {@value #REQUIRE_DBS} is {@code true} (system property or environment, as CI sets it): then it fails.
 *
 * <p>Register as an extension to share one migrated database per kind across a test class:
 * <pre>{@code
 * @RegisterExtension static final TestDatabases DATABASES = new TestDatabases();
 *
 * @ParameterizedTest @EnumSource(DbKind.class)
 * void stores(DbKind kind) { Database db = DATABASES.get(kind); ... }
 * }</pre>
 * Tests sharing a database keep apart by creating their own tenants ({@link TestTenants}).
 */
public final class TestDatabases implements AfterAllCallback {
    public static final String REQUIRE_DBS = "SECHEADERS_REQUIRE_DBS";

    private static final String POSTGRES_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?connectTimeout=3";
    private static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/";
    private static final List<String> POSTGRES_USERS = List.of("postgres", "root");
    private static final String MARIADB_ADMIN_URL = "jdbc:mariadb://127.0.0.1:3306/?connectTimeout=3000";
    private static final String MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/";
    private static final String MARIADB_USER = "root";
    private static final int POOL_SIZE = 4;

    /** Per server: the user that connected, or why none could (probed once per JVM). */
    private static final Map<DbKind, Server> SERVERS = new ConcurrentHashMap<>();

    private final Map<DbKind, TestDatabase> shared = new EnumMap<>(DbKind.class);

    /** The class-wide migrated database of this kind, created on first use. */
    public synchronized Database get(DbKind kind) {
        TestDatabase database = shared.get(kind);
        if (database == null) {
            database = create(kind);
            shared.put(kind, database);
        }
        return database.database();
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        shared.values().forEach(TestDatabase::close);
        shared.clear();
    }

    /** A new migrated database; the caller closes (and so drops) it. */
    public static TestDatabase create(DbKind kind) {
        TestDatabase database = createUnmigrated(kind);
        try {
            database.database().migrations().migrate();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    /**
     * A migrated H2 file database in {@code dataDir} opened as {@code secheaders} opens its default one,
     * with {@code clock} stamping created/updated times; the caller closes it and owns the directory.
     */
    public static Database migratedH2(Path dataDir, Clock clock) {
        Database database = Database.open(DatabaseConfig.h2(dataDir), clock);
        try {
            database.migrations().migrate();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    /** A new empty database; the caller closes (and so drops) it. */
    public static TestDatabase createUnmigrated(DbKind kind) {
        return switch (kind) {
            case H2 -> createH2();
            case POSTGRESQL -> createOnServer(kind, POSTGRES_URL, "");
            case MARIADB -> createOnServer(kind, MARIADB_URL, " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        };
    }

    public static boolean required() {
        return Boolean.parseBoolean(System.getProperty(REQUIRE_DBS, System.getenv(REQUIRE_DBS)));
    }

    private static TestDatabase createH2() {
        Path dir;
        try {
            dir = Files.createTempDirectory("secheaders-h2-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DatabaseConfig h2 = DatabaseConfig.h2(dir);
        DatabaseConfig config = new DatabaseConfig(h2.url(), h2.user(), h2.password(), POOL_SIZE, dir);
        try {
            return new TestDatabase(DbKind.H2, Database.open(config), () -> deleteRecursively(dir));
        } catch (RuntimeException e) {
            deleteRecursively(dir);
            throw e;
        }
    }

    private static TestDatabase createOnServer(DbKind kind, String urlPrefix, String createOptions) {
        String user = server(kind).userOrSkip(kind);
        String name = "sh_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        admin(kind, user, "CREATE DATABASE " + name + createOptions);
        DatabaseConfig config = new DatabaseConfig(urlPrefix + name, Optional.of(user), Optional.empty(),
                POOL_SIZE, Path.of(System.getProperty("java.io.tmpdir")));
        String drop = kind == DbKind.POSTGRESQL
                ? "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"
                : "DROP DATABASE IF EXISTS " + name;
        try {
            return new TestDatabase(kind, Database.open(config), () -> admin(kind, user, drop));
        } catch (RuntimeException e) {
            admin(kind, user, drop);
            throw e;
        }
    }

    private static Server server(DbKind kind) {
        return SERVERS.computeIfAbsent(kind, TestDatabases::probe);
    }

    private static Server probe(DbKind kind) {
        List<String> users = kind == DbKind.POSTGRESQL ? POSTGRES_USERS : List.of(MARIADB_USER);
        StringBuilder failures = new StringBuilder();
        for (String user : users) {
            try (Connection connection = DriverManager.getConnection(adminUrl(kind), user, "")) {
                if (connection.isValid(3)) {
                    return new Server(Optional.of(user), "");
                }
            } catch (SQLException e) {
                failures.append(" [").append(user).append(": ").append(e.getMessage()).append(']');
            }
        }
        return new Server(Optional.empty(), kind + " is not reachable at " + adminUrl(kind) + failures);
    }

    private static String adminUrl(DbKind kind) {
        return kind == DbKind.POSTGRESQL ? POSTGRES_ADMIN_URL : MARIADB_ADMIN_URL;
    }

    private static void admin(DbKind kind, String user, String sql) {
        try (Connection connection = DriverManager.getConnection(adminUrl(kind), user, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(kind + ": " + sql + " failed: " + e.getMessage(), e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    private record Server(Optional<String> user, String unreachableReason) {
        String userOrSkip(DbKind kind) {
            if (user.isPresent()) {
                return user.get();
            }
            if (required()) {
                throw new IllegalStateException(unreachableReason + " and " + REQUIRE_DBS + "=true");
            }
            Assumptions.abort(unreachableReason + "; skipping (set " + REQUIRE_DBS + "=true to fail instead)");
            throw new AssertionError("unreachable");
        }
    }
}
