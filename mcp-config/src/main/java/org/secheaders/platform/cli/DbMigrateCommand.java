package org.secheaders.platform.cli;

import java.io.PrintWriter;
import org.secheaders.domain.db.Database;
import org.secheaders.platform.config.PlatformConfig;
import picocli.CommandLine.Command;

/** {@code secheaders db migrate}. */
@Command(name = "migrate", description = "Apply every pending migration (creates the H2 file on first use).")
final class DbMigrateCommand extends DatabaseCommand {

    /** The JSON document: {@code appliedNow} by this run, {@code applied} of {@code total} in all. */
    record Result(String database, long appliedNow, long applied, long total) {
    }

    DbMigrateCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        PlatformConfig config = PlatformSettings.load(spec, context, this);
        try (Database database = CliDatabase.open(config)) {
            CliDatabase.MigrationRun run = CliDatabase.migrate(database, spec.commandLine().getErr());
            CliDatabase.MigrationCounts after = run.after();
            long applied = run.appliedNow();
            PrintWriter out = spec.commandLine().getOut();
            if (output.json()) {
                JsonOutput.print(out, new Result(database.config().redactedUrl(), applied, after.applied(), after.total()));
            } else {
                out.println((applied == 0 ? "Nothing to migrate" : "Applied " + applied + " changesets in "
                        + run.took().toMillis() + " ms") + "; " + after.describe() + ".");
            }
            out.flush();
            return ExitStatus.OK.code();
        }
    }
}
