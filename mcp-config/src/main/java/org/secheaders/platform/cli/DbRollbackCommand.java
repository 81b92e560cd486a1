package org.secheaders.platform.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.secheaders.domain.db.Database;
import org.secheaders.platform.config.PlatformConfig;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code secheaders db rollback}. */
@Command(name = "rollback", description = {
        "Revert the most recently applied changesets (default: one).",
        "",
        "--all reverts everything, dropping every table and its data: it asks for",
        "confirmation, or needs --yes when no one can answer (scripts, CI)."})
final class DbRollbackCommand extends DatabaseCommand {

    @ArgGroup(exclusive = true)
    Scope scope = new Scope();

    @Option(names = "--yes", description = "confirm --all without being asked")
    boolean yes;

    DbRollbackCommand(CliContext context) {
        super(context);
    }

    static final class Scope {
        @Option(names = "--count", paramLabel = "N", description = "how many changesets to revert (default: 1)")
        int count = 1;

        @Option(names = "--all", description = "revert every applied changeset")
        boolean all;
    }

    /** The JSON document: {@code rolledBack} by this run, {@code applied} of {@code total} left. */
    record Result(String database, long rolledBack, long applied, long total) {
    }

    @Override
    public Integer call() throws IOException {
        if (!scope.all && scope.count < 1) {
            throw new ParameterException(spec.commandLine(), "--count must be at least 1, was " + scope.count);
        }
        PlatformConfig config = PlatformSettings.load(spec, context, this);
        PrintWriter err = spec.commandLine().getErr();
        try (Database database = CliDatabase.open(config)) {
            CliDatabase.MigrationCounts before = CliDatabase.MigrationCounts.of(database.migrations().status());
            long count = scope.all ? before.applied() : scope.count;
            if (count > before.applied()) {
                throw new ParameterException(spec.commandLine(), "--count " + count + " exceeds the "
                        + before.applied() + " applied changesets");
            }
            if (scope.all && !confirmed(before.applied(), database.config().redactedUrl(), err)) {
                err.println("Nothing rolled back.");
                err.flush();
                return ExitStatus.FAILED.code();
            }
            err.println("Rolling back " + count + " changesets on " + database.config().redactedUrl() + "...");
            err.flush();
            database.migrations().rollback((int) count);
            CliDatabase.MigrationCounts after = CliDatabase.MigrationCounts.of(database.migrations().status());
            PrintWriter out = spec.commandLine().getOut();
            if (output.json()) {
                JsonOutput.print(out, new Result(database.config().redactedUrl(), count, after.applied(), after.total()));
            } else {
                out.println("Rolled back " + count + " changesets; " + after.describe() + ".");
            }
            out.flush();
            return ExitStatus.OK.code();
        }
    }

    /** --all drops the data too: only with --yes, or with a person typing yes. */
    private boolean confirmed(long applied, String database, PrintWriter err) throws IOException {
        if (yes) {
            return true;
        }
        if (!context.interactive()) {
            throw new ParameterException(spec.commandLine(), "--all reverts all " + applied + " applied changesets of "
                    + database + ", dropping every table and its data; add --yes to confirm");
        }
        err.print("Revert all " + applied + " applied changesets of " + database
                + ", dropping every table and its data? Type 'yes' to continue: ");
        err.flush();
        String answer = new BufferedReader(new InputStreamReader(context.stdin(), StandardCharsets.UTF_8)).readLine();
        return "yes".equals(answer == null ? null : answer.trim());
    }
}
