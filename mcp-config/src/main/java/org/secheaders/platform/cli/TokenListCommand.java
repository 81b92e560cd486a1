package org.secheaders.platform.cli;

import java.io.PrintWriter;
import java.util.List;
import org.secheaders.domain.db.Database;
import org.secheaders.platform.admin.TokenService;
import org.secheaders.platform.config.PlatformConfig;
import picocli.CommandLine.Command;

/** {@code secheaders token list}. */
@Command(name = "list", description = "List every token, revoked and expired ones included; secrets are never shown.")
final class TokenListCommand extends DatabaseCommand {

    TokenListCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        PlatformConfig config = PlatformSettings.load(spec, context, this);
        try (Database database = CliDatabase.openMigrated(config, context)) {
            List<TokenService.TokenView> tokens = new TokenService(database, Operator.actor()).list();
            PrintWriter out = spec.commandLine().getOut();
            if (output.json()) {
                JsonOutput.print(out, tokens.stream().map(TokenRow::of).toList());
            } else if (tokens.isEmpty()) {
                out.println("No tokens yet; create one with '" + context.invocation() + " token create'.");
            } else {
                Table table = Table.of("id", "name", "prefix", "role", "tenant", "created", "last used", "expires", "revoked");
                tokens.forEach(view -> {
                    var token = view.token();
                    table.row(token.id(), token.name(), token.tokenPrefix() + "…", token.role().wireName(), view.tenantSlug(),
                            token.createdAt(), token.lastUsedAt(), token.expiresAt(), token.revokedAt());
                });
                table.print(out);
            }
            out.flush();
            return ExitStatus.OK.code();
        }
    }
}
