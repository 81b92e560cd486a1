package org.secheaders.platform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Help everywhere, and exit status 2 with a message naming the flag, variable or file key for bad input. */
class CliUsageTest {

    @TempDir
    Path dir;

    @Test
    void everyCommandHasHelp() {
        List<List<String>> commands = new ArrayList<>();
        collect(SecheadersCli.commandLine(new CliContext(Map.of(), System.in, System.out, false, () -> null,
                Optional.empty())), new ArrayList<>(), commands);
        assertTrue(commands.size() >= 12, commands::toString);
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            CliRun.Result help = CliRun.standard().run(args.toArray(String[]::new));
            assertEquals(0, help.exitCode(), help::toString);
            assertTrue(help.out().startsWith("Usage: secheaders" + (command.isEmpty() ? "" : " " + String.join(" ", command))),
                    help::toString);
        }
    }

    @Test
    void badFlagsAndValuesExitTwoNamingTheFlag() {
        assertUsage(CliRun.standard().run("db", "migrate", "--bogus"), "Unknown option: '--bogus'");
        assertUsage(CliRun.standard().run("db", "migrate", "--db-pool-size", "0"),
                "--db-pool-size='0' is not a pool size (1-200)");
        assertUsage(CliRun.standard().run("health", "--format", "xml"), "Invalid value for option '--format'");
        assertUsage(CliRun.standard().run("health", "--url", "ftp://host"), "--url 'ftp://host' is not an http(s) URL");
        assertUsage(CliRun.standard().run("db"), "Missing required subcommand");
        assertUsage(CliRun.standard().run("dbx"), "Unmatched argument at index 0: 'dbx'");
        assertUsage(CliRun.standard().run("serve", "--transport", "pigeon", "sample"),
                "--transport='pigeon' is not one of [stdio, http, sse, stateless]");
    }

    @Test
    void environmentAndConfigFileErrorsNameTheirSource() throws IOException {
        assertUsage(CliRun.standard().env(Map.of("SECHEADERS_DB_URL", "postgres://db")).run("db", "status"),
                "SECHEADERS_DB_URL='postgres://db' is not a JDBC URL");
        assertUsage(CliRun.standard().env(Map.of("SECHEADERS_DATADIR", "x")).run("db", "status"),
                "SECHEADERS_DATADIR is not a known setting");
        Path file = Files.writeString(dir.resolve("cli.yaml"), "db:\n  pool:\n    size: 500\n");
        assertUsage(CliRun.standard().run("db", "status", "--config", file.toString()),
                "db.pool.size='500' in " + file + " is not a pool size (1-200)");
    }

    @Test
    void flagsBeatTheEnvironmentWhichBeatsTheConfigFile() throws IOException {
        Path fromFile = dir.resolve("from-file");
        Path fromEnv = dir.resolve("from-env");
        Path fromFlag = dir.resolve("from-flag");
        Path file = Files.writeString(dir.resolve("cli.properties"), "data.dir=" + fromFile + "\n");
        CliRun cli = CliRun.standard();

        cli.run("db", "migrate", "--config", file.toString());
        cli.env(Map.of("SECHEADERS_DATA_DIR", fromEnv.toString())).run("db", "migrate", "--config", file.toString());
        cli.env(Map.of("SECHEADERS_DATA_DIR", fromEnv.toString(), "SECHEADERS_CONFIG", file.toString()))
                .run("db", "migrate", "--data-dir", fromFlag.toString());

        for (Path used : List.of(fromFile, fromEnv, fromFlag)) {
            assertTrue(Files.exists(used.resolve("secheaders.mv.db")), () -> "no database in " + used);
        }
    }

    @Test
    void versionIsPrinted() {
        CliRun.Result version = CliRun.standard().run("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("secheaders "), version::toString);
    }

    private static void assertUsage(CliRun.Result result, String message) {
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains(message), result::toString);
        assertTrue(result.err().contains("--help' for more information."), result::toString);
        assertTrue(result.out().isEmpty(), result::toString);
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> into) {
        into.add(List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            List<String> next = new ArrayList<>(path);
            next.add(name);
            collect(sub, next, into);
        });
    }
}
