package org.secheaders.benchmarks.tools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.secheaders.domain.demo.DemoScenario;
import org.secheaders.domain.demo.DemoTenant;

/**
 * The command line of {@link ToolLatencyBenchmark}.
 *
 * @param dataDir the H2 file's directory (H2 only)
 * @param dbUrl   the PostgreSQL JDBC URL (PostgreSQL only)
 * @param calls    measured calls per tool, after {@code warmup} unmeasured ones
 * @param callsLog where each measured call's tool, milliseconds and arguments are written, one line each
 */
record BenchmarkOptions(DatabaseKind db, int violations, int tenants, int calls, int warmup, Path dataDir,
        String dbUrl, String dbUser, long seed, Optional<Path> callsLog) {

    static final String USAGE = """
            usage: java -cp benchmarks/target/benchmarks.jar org.secheaders.benchmarks.tools.ToolLatencyBenchmark [options]
              --db h2|postgresql   database (default h2)
              --violations N       violations to seed, 10000-5000000 (default 1000000)
              --tenants N          demo tenants, 3-6 (default 6)
              --calls N            measured calls per tool (default 200)
              --warmup N           unmeasured calls per tool first (default 40)
              --data-dir DIR       H2: directory of the database file (default data/bench-h2)
              --db-url URL         PostgreSQL: JDBC URL (default jdbc:postgresql://127.0.0.1:5432/secheaders_bench)
              --db-user USER       PostgreSQL: user (default postgres; password from SECHEADERS_DB_PASSWORD)
              --seed N             seed of the argument mix (default 1)
              --calls-log FILE     write each measured call (tool, ms, error, arguments) to FILE, tab-separated
            A database that already holds the demo data set for --tenants is reused as it is.""";

    private static final Set<String> FLAGS = Set.of("--db", "--violations", "--tenants", "--calls", "--warmup",
            "--data-dir", "--db-url", "--db-user", "--seed", "--calls-log");

    static BenchmarkOptions parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String flag = rest.remove(0);
            if (!FLAGS.contains(flag)) {
                throw new IllegalArgumentException("unknown option '" + flag + "'");
            }
            if (rest.isEmpty()) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            given.put(flag, rest.remove(0));
        }
        return new BenchmarkOptions(DatabaseKind.parse(given.getOrDefault("--db", "h2")),
                number(given, "--violations", 1_000_000, DemoScenario.MIN_TOTAL_VIOLATIONS, DemoScenario.MAX_TOTAL_VIOLATIONS),
                number(given, "--tenants", 6, DemoScenario.MIN_TENANT_COUNT, DemoTenant.CATALOGUE.size()),
                number(given, "--calls", 200, 1, 1_000_000),
                number(given, "--warmup", 40, 0, 1_000_000),
                Path.of(given.getOrDefault("--data-dir", "data/bench-h2")),
                given.getOrDefault("--db-url", "jdbc:postgresql://127.0.0.1:5432/secheaders_bench"),
                given.getOrDefault("--db-user", "postgres"),
                number(given, "--seed", 1, 0, Integer.MAX_VALUE),
                Optional.ofNullable(given.get("--calls-log")).map(Path::of));
    }

    private static int number(Map<String, String> given, String flag, int fallback, int min, int max) {
        String text = given.get(flag);
        if (text == null) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(text.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be a whole number, got '" + text + "'");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(flag + " " + value + " is not between " + min + " and " + max);
        }
        return value;
    }

    /** The platform configuration flags: Streamable HTTP on an ephemeral loopback port, one superadmin token. */
    List<String> serverFlags(String token) {
        List<String> flags = new ArrayList<>(List.of("--transport", "http", "--port", "0", "--log-level", "warn",
                "--token", "superadmin:" + token));
        if (db == DatabaseKind.H2) {
            flags.addAll(List.of("--data-dir", dataDir.toString()));
        } else {
            flags.addAll(List.of("--db-url", dbUrl, "--db-user", dbUser));
        }
        return flags;
    }
}
