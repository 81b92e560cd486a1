package org.secheaders.enforcement.collector;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.db.DatabaseConfig;

/**
 * A collector in its own JVM, for {@link CollectorKillTest}: opens the H2 file database in
 * {@code args[0]} (served by the test's process), starts Jetty with the collector on the log
 * directory {@code args[1]}, writes its HTTP port to {@code args[2]} and runs until killed.
 */
public final class CollectorChild {
    private CollectorChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        Path walDir = Path.of(args[1]);
        Path portFile = Path.of(args[2]);
        Database database = Database.open(DatabaseConfig.h2(dataDir));
        CollectorConfig config = CollectorConfig.builder(walDir).rateLimit(new RateLimit(1_000_000, 1_000_000)).build();
        CollectorServer server = CollectorServer.builder(database, config).start();
        Path written = Files.writeString(portFile.resolveSibling(portFile.getFileName() + ".tmp"),
                Integer.toString(server.reportUri("x").getPort()), StandardCharsets.US_ASCII);
        Files.move(written, portFile, StandardCopyOption.ATOMIC_MOVE);
        Thread.currentThread().join();
    }
}
