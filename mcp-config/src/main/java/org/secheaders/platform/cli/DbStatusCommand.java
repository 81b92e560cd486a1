package org.secheaders.platform.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.db.Migrations;
import org.secheaders.platform.config.ConfigKey;
import org.secheaders.platform.config.PlatformConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code secheaders db status}. */
@Command(name = "status", description = "List the changesets of the migration history: applied when, or pending.")
final class DbStatusCommand implements Callable<Integer>, ConfiguredCommand {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    private final CliContext context;

    DbStatusCommand(CliContext context) {
        this.context = context;
    }

    /** The JSON document. */
    record Result(String database, long applied, long total, List<Changeset> changesets) {
    }

    record Changeset(String id, String author, String changelog, boolean applied, Optional<Instant> appliedAt) {
    }

    @Override
    public Set<ConfigKey> settings() {
        return PlatformSettings.DATABASE;
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
