package org.secheaders.platform.cli;

import java.io.PrintWriter;
import java.util.stream.Collectors;
import org.secheaders.domain.db.Database;
import org.secheaders.platform.admin.TokenService;
import org.secheaders.platform.admin.TokenService.Revocation;
import org.secheaders.platform.config.PlatformConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code secheaders token revoke}. */
@Command(name = "revoke", description = "Revoke a token: servers refuse it from the next request on.")
final class TokenRevokeCommand extends DatabaseCommand {

    @Parameters(paramLabel = "NAME|ID", description = "the token's name or id (see token list)")
    String reference;

    TokenRevokeCommand(CliContext context) {
        super(context);
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
