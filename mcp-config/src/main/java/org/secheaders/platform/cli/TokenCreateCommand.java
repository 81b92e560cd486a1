package org.secheaders.platform.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.Role;
import org.secheaders.platform.admin.TokenService;
import org.secheaders.platform.config.PlatformConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code secheaders token create}. */
@Command(name = "create", description = {
        "Create a bearer token and print its secret, once.",
        "",
        "Only the secret's SHA-256 is stored. Send it as 'Authorization: Bearer",
        "<secret>' to the http, stateless and sse transports."})
final class TokenCreateCommand extends DatabaseCommand {

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "what the token is for, e.g. ci-deploy")
    String name;

    @Option(names = "--role", required = true, paramLabel = "ROLE", converter = RoleConverter.class,
            description = "superadmin, admin, manager, security_analyst, compliance_officer or tenant_admin")
    Role role;

    @Option(names = "--tenant", paramLabel = "SLUG", description = "the tenant the token acts for (required for tenant_admin)")
    Optional<String> tenant;

    @Option(names = "--expires-in", paramLabel = "LIFETIME", converter = Lifetime.class,
            description = "e.g. 90m, 12h, 30d or 2w (default: never expires)")
    Optional<Duration> expiresIn;

    TokenCreateCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        if (name.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--name must not be blank");
        }
        if (role == Role.TENANT_ADMIN && tenant.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--role tenant_admin needs --tenant SLUG");
        }
        PlatformConfig config = PlatformSettings.load(spec, context, this);
        try (Database database = CliDatabase.openMigrated(config, context)) {
            Optional<Instant> expiresAt = expiresIn.map(lifetime -> database.clock().instant().plus(lifetime));
            TokenService.CreatedToken created;
            try {
                created = new TokenService(database, Operator.actor()).create(name.trim(), role, tenant, expiresAt);
            } catch (TokenService.UnknownTenantException e) {
                throw new ParameterException(spec.commandLine(), "--tenant: " + e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            if (output.json()) {
                JsonOutput.print(out, TokenRow.of(created.view()).withSecret(created.secret()));
            } else {
                TokenService.TokenView view = created.view();
                out.println("Created token '" + view.token().name() + "' (id " + view.token().id() + "): role "
                        + role.wireName() + ", " + view.tenantSlug().map(slug -> "tenant " + slug).orElse("no tenant")
                        + ", " + view.token().expiresAt().map(at -> "expires " + Table.cell(at)).orElse("never expires") + ".");
                out.println("Copy the secret now; only its hash is stored, so it cannot be shown again:");
                out.println();
                out.println("  " + created.secret());
                out.println();
            }
            out.flush();
            return ExitStatus.OK.code();
        }
    }
}
