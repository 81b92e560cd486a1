package org.secheaders.platform.cli;

import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.secheaders.domain.db.Database;
import org.secheaders.platform.admin.TokenService;
import org.secheaders.platform.admin.TokenService.Revocation;
import org.secheaders.platform.config.ConfigKey;
import org.secheaders.platform.config.PlatformConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code secheaders token revoke}. */
@Command(name = "revoke", description = "Revoke a token: servers refuse it from the next request on.")
final class TokenRevokeCommand implements Callable<Integer>, ConfiguredCommand {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Parameters(paramLabel = "NAME|ID", description = "the token's name or id (see token list)")
    String reference;

    private final CliContext context;

    TokenRevokeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Set<ConfigKey> settings() {
        return PlatformSettings.DATABASE;
    }

    @Override
    public Integer call() {
        PlatformConfig config = PlatformSettings.load(spec, context, this);
        try (Database database = CliDatabase.openMigrated(config, context)) {
            Revocation revocation = new TokenService(database, Operator.actor()).revoke(reference);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int status = ExitStatus.OK.code();
            if (revocation instanceof Revocation.Revoked revoked) {
                print(out, revoked.token(), "Revoked");
            } else if (revocation instanceof Revocation.AlreadyRevoked already) {
                print(out, already.token(), "Already revoked:");
            } else if (revocation instanceof Revocation.Ambiguous ambiguous) {
                err.println("Several tokens are named '" + ambiguous.name() + "' (ids " + ambiguous.candidates().stream()
                        .map(t -> Long.toString(t.token().id())).collect(Collectors.joining(", ")) + "); revoke one by id.");
                status = ExitStatus.FAILED.code();
            } else {
                err.println("No token has the name or id '" + reference + "'; see '" + context.invocation() + " token list'.");
                status = ExitStatus.FAILED.code();
            }
            out.flush();
            err.flush();
            return status;
        }
    }

    private void print(PrintWriter out, TokenService.TokenView view, String verb) {
        if (output.json()) {
            JsonOutput.print(out, TokenRow.of(view));
        } else {
            out.println(verb + " token '" + view.token().name() + "' (id " + view.token().id() + ") at "
                    + Table.cell(view.token().revokedAt()) + ".");
        }
    }
}
