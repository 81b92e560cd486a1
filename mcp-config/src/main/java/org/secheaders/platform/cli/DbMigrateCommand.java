package org.secheaders.platform.cli;

import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.Callable;
import org.secheaders.domain.db.Database;
import org.secheaders.platform.config.ConfigKey;
import org.secheaders.platform.config.PlatformConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code secheaders db migrate}. */
@Command(name = "migrate", description = "Apply every pending migration (creates the H2 file on first use).")
final class DbMigrateCommand implements Callable<Integer>, ConfiguredCommand {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    private final CliContext context;

    /** The JSON document: {@code appliedNow} by this run, {@code applied} of {@code total} in all. */
    record Result(String database, long appliedNow, long applied, long total) {
    }

    DbMigrateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Set<ConfigKey> settings() {
        return PlatformSettings.DATABASE;
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
