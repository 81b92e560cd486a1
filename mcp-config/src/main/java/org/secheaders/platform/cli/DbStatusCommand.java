package org.secheaders.platform.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.db.Migrations;
import org.secheaders.platform.config.PlatformConfig;
import picocli.CommandLine.Command;

/** {@code secheaders db status}. */
@Command(name = "status", description = "List the changesets of the migration history: applied when, or pending.")
final class DbStatusCommand extends DatabaseCommand {

    DbStatusCommand(CliContext context) {
        super(context);
    }

    /** The JSON document. */
    record Result(String database, long applied, long total, List<Changeset> changesets) {
    }

    record Changeset(String id, String author, String changelog, boolean applied, Optional<Instant> appliedAt) {
    }

    @Override
    public Integer call() {
        PlatformConfig config = PlatformSettings.load(spec, context, this);
        try (Database database = CliDatabase.open(config)) {
            List<Migrations.ChangeSetState> states = database.migrations().status();
            CliDatabase.MigrationCounts counts = CliDatabase.MigrationCounts.of(states);
            PrintWriter out = spec.commandLine().getOut();
            if (output.json()) {
                JsonOutput.print(out, new Result(database.config().redactedUrl(), counts.applied(), counts.total(),
                        states.stream().map(s -> new Changeset(s.id(), s.author(), s.changelog(), s.applied(), s.appliedAt()))
                                .toList()));
            } else {
                Table table = Table.of("id", "author", "applied at");
                states.forEach(s -> table.row(s.id(), s.author(), s.applied() ? s.appliedAt() : "pending"));
                table.print(out);
                out.println();
                out.println(database.config().redactedUrl() + ": " + counts.describe()
                        + (counts.upToDate() ? ", up to date." : "; run '" + context.invocation() + " db migrate'."));
            }
            out.flush();
            return ExitStatus.OK.code();
        }
    }
}
