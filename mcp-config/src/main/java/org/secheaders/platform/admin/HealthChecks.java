package org.secheaders.platform.admin;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.db.DatabaseConfig;
import org.secheaders.domain.db.Dialect;
import org.secheaders.domain.db.Migrations;
import org.secheaders.platform.data.DatabaseHealth;

/**
 * The operator's health check: the database (reachable, migrations up to date) and, optionally, a
 * running server's liveness and readiness endpoints. Never changes anything; in particular it
 * does not create a missing H2 database file.
 */
public final class HealthChecks {

    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(5);
    private static final String H2_FILE_PREFIX = "jdbc:h2:file:";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();

    /** Checks {@code database} and {@code migrations}; the second is DOWN when the first is. */
    public List<HealthCheck> database(DatabaseConfig config) {
        Optional<Path> missingFile = missingH2File(config);
        if (missingFile.isPresent()) {
            return List.of(HealthCheck.down(DatabaseHealth.CHECK_NAME, "no database file at " + missingFile.get()),
                    HealthCheck.down("migrations", "not checked: no database"));
        }
        long started = System.nanoTime();
        try (Database database = Database.open(config)) {
            DatabaseHealth.ping(database.dataSource());
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            List<HealthCheck> checks = new ArrayList<>();
            checks.add(HealthCheck.up(DatabaseHealth.CHECK_NAME,
                    config.redactedUrl() + " (" + config.dialect() + ") answered in " + millis + " ms"));
            checks.add(migrations(database.migrations()));
            return checks;
        } catch (Exception e) {
            return List.of(HealthCheck.down(DatabaseHealth.CHECK_NAME, config.redactedUrl() + ": " + rootMessage(e)),
                    HealthCheck.down("migrations", "not checked: no database"));
        }
    }

    /** Checks {@code GET /health} and {@code GET /health/ready} below {@code base}, e.g. {@code http://127.0.0.1:8080}. */
    public List<HealthCheck> server(URI base) {
        return List.of(endpoint(base, "/health"), endpoint(base, "/health/ready"));
    }

    private static HealthCheck migrations(Migrations migrations) {
        List<Migrations.ChangeSetState> states = migrations.status();
        long applied = states.stream().filter(Migrations.ChangeSetState::applied).count();
        String counts = applied + " of " + states.size() + " changesets applied";
        return applied == states.size()
                ? HealthCheck.up("migrations", counts)
                : HealthCheck.down("migrations", counts + "; run 'secheaders db migrate'");
    }

    private HealthCheck endpoint(URI base, String path) {
        URI uri = base.resolve(path);
        String name = "server " + path;
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(HTTP_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            String detail = uri + " answered " + response.statusCode() + " " + response.body().strip();
            return response.statusCode() == 200 ? HealthCheck.up(name, detail) : HealthCheck.down(name, detail);
        } catch (ConnectException e) {
            return HealthCheck.down(name, uri + ": cannot connect (is the server running?)");
        } catch (HttpTimeoutException e) {
            return HealthCheck.down(name, uri + ": no answer within " + HTTP_TIMEOUT.toSeconds() + " s");
        } catch (IOException e) {
            return HealthCheck.down(name, uri + ": " + rootMessage(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthCheck.down(name, uri + ": interrupted");
        }
    }

    /** The H2 file behind a {@code jdbc:h2:file:} URL, if it does not exist (opening would create it). */
    private static Optional<Path> missingH2File(DatabaseConfig config) {
        if (config.dialect() != Dialect.H2 || !config.url().startsWith(H2_FILE_PREFIX)) {
            return Optional.empty();
        }
        String base = config.url().substring(H2_FILE_PREFIX.length()).split(";", 2)[0];
        Path file = Path.of(base + ".mv.db");
        return Files.exists(file) ? Optional.empty() : Optional.of(file);
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
