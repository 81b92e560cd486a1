package org.secheaders.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.secheaders.distribution.SecheadersJar.Run;

/**
 * A data directory seeded by {@code secheaders demo} with the smallest scenario it accepts, which keeps seeding
 * under a minute on a busy machine.
 *
 * @param env the environment that points a server process at the directory
 * @param demo the demo's JSON answer: tenants with their domains, planted patterns with their start
 */
record DemoData(Map<String, String> env, JsonNode demo) {

    static DemoData seed(Path workDir) throws Exception {
        Map<String, String> env = Map.of("SECHEADERS_DATA_DIR", workDir.resolve("data").toString());
        Run seeded = SecheadersJar.run(workDir, env, "demo", "--no-serve", "--format", "json", "--violations", "10000", "--days", "8");
        assertEquals(0, seeded.exitCode(), seeded::toString);
        return new DemoData(env, new ObjectMapper().readTree(seeded.out()));
    }

    String dataDir() {
        return env.get("SECHEADERS_DATA_DIR");
    }

    JsonNode firstTenant() {
        return demo.get("tenants").get(0);
    }

    JsonNode planted(String kind) {
        return StreamSupport.stream(demo.at("/seeded/planted").spliterator(), false)
                .filter(pattern -> pattern.get("kind").asText().equals(kind))
                .findFirst().orElseThrow(() -> new AssertionError("the demo planted no " + kind + ": " + demo));
    }
}
