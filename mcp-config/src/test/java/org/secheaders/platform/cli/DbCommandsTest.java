package org.secheaders.platform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secheaders.platform.PlatformJson;

/** {@code db migrate}, {@code db status} and {@code db rollback} on an H2 file in a temporary directory. */
class DbCommandsTest {

    @TempDir
    Path dir;

    @Test
    void migrateStatusAndRollbackWalkTheHistory() throws Exception {
        CliRun cli = CliRun.standard();
        String dataDir = dir.resolve("data").toString();

        CliRun.Result pending = cli.run("db", "status", "--data-dir", dataDir, "--format", "json");
        assertEquals(0, pending.exitCode(), pending::toString);
        JsonNode before = json(pending);
        int total = before.get("total").asInt();
        assertTrue(total > 30, pending::toString);
        assertEquals(0, before.get("applied").asInt());
        assertTrue(before.get("changesets").get(0).get("appliedAt") == null, "a pending changeset has no time");

        CliRun.Result migrate = cli.run("db", "migrate", "--data-dir", dataDir);
        assertEquals(0, migrate.exitCode(), migrate::toString);
        assertTrue(migrate.out().matches("Applied " + total + " changesets in \\d+ ms; " + total + " of " + total
                + " changesets applied.\n"), migrate::toString);
        assertTrue(migrate.err().startsWith("Migrating jdbc:h2:file:"), "progress goes to stderr: " + migrate.err());

        CliRun.Result again = cli.run("db", "migrate", "--data-dir", dataDir, "--format", "json");
        assertEquals(0, json(again).get("appliedNow").asInt(), again::toString);

        CliRun.Result status = cli.run("db", "status", "--data-dir", dataDir);
        List<String> lines = status.out().lines().toList();
        assertEquals(List.of("ID", "AUTHOR", "APPLIED", "AT"), List.of(lines.get(0).split("\\s+")));
        String firstRow = lines.get(1);
        assertTrue(firstRow.startsWith("001-create-tenants ") && firstRow.matches(".* \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ"),
                firstRow);
        assertEquals(lines.get(0).indexOf("AUTHOR"), firstRow.indexOf("secheaders"), "columns are aligned");
        assertTrue(status.out().contains(total + " of " + total + " changesets applied, up to date."), status::toString);

        CliRun.Result rollback = cli.run("db", "rollback", "--count", "2", "--data-dir", dataDir);
        assertEquals(0, rollback.exitCode(), rollback::toString);
        assertEquals("Rolled back 2 changesets; " + (total - 2) + " of " + total + " changesets applied.\n", rollback.out());
        CliRun.Result afterRollback = cli.run("db", "status", "--data-dir", dataDir);
        assertEquals(2, afterRollback.out().lines().filter(line -> line.endsWith("  pending")).count(), afterRollback::toString);

        CliRun.Result tooMany = cli.run("db", "rollback", "--count", "99", "--data-dir", dataDir);
        assertEquals(2, tooMany.exitCode(), tooMany::toString);
        assertTrue(tooMany.err().contains("--count 99 exceeds the " + (total - 2) + " applied changesets"), tooMany::toString);
    }

    @Test
    void rollbackAllNeedsConfirmation() throws Exception {
        String dataDir = dir.resolve("data").toString();
        assertEquals(0, CliRun.standard().run("db", "migrate", "--data-dir", dataDir).exitCode());

        CliRun.Result refused = CliRun.standard().run("db", "rollback", "--all", "--data-dir", dataDir);
        assertEquals(2, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("dropping every table and its data; add --yes to confirm"), refused::toString);

        CliRun.Result declined = CliRun.standard().interactive("no\n").run("db", "rollback", "--all", "--data-dir", dataDir);
        assertEquals(1, declined.exitCode(), declined::toString);
        assertTrue(declined.err().contains("Type 'yes' to continue") && declined.err().contains("Nothing rolled back."),
                declined::toString);

        CliRun.Result confirmed = CliRun.standard().interactive("yes\n").run("db", "rollback", "--all", "--data-dir", dataDir);
        assertEquals(0, confirmed.exitCode(), confirmed::toString);

        assertEquals(0, CliRun.standard().run("db", "migrate", "--data-dir", dataDir).exitCode());
        CliRun.Result scripted = CliRun.standard().run("db", "rollback", "--all", "--yes", "--data-dir", dataDir,
                "--format", "json");
        assertEquals(0, scripted.exitCode(), scripted::toString);
        assertEquals(0, json(scripted).get("applied").asInt());
        assertEquals(json(scripted).get("total").asInt(), json(scripted).get("rolledBack").asInt());
    }

    @Test
    void countAndAllExcludeEachOther() {
        CliRun.Result both = CliRun.standard().run("db", "rollback", "--count", "2", "--all", "--data-dir", dir.toString());
        assertEquals(2, both.exitCode(), both::toString);
        assertTrue(both.err().contains("--count") && both.err().contains("--all"), both::toString);
    }

    private static JsonNode json(CliRun.Result result) throws Exception {
        return PlatformJson.mapper().readTree(result.out());
    }
}
