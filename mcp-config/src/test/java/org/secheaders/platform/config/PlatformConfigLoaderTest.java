package org.secheaders.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secheaders.domain.compliance.schedule.ScheduledTarget;
import org.secheaders.domain.db.DatabaseConfig;
import org.secheaders.domain.model.Role;
import org.secheaders.domain.scan.PrivateAddresses;

class PlatformConfigLoaderTest {

    private static final String SECRET = "s3cr3t-s3cr3t-s3cr3t";

    @TempDir
    Path dir;

    @Test
    void defaultsAreLocalAndLeastPrivileged() {
        PlatformConfig config = load(List.of(), Map.of());

        assertEquals(TransportKind.STDIO, config.transport());
        assertEquals("127.0.0.1", config.bind());
        assertEquals(8080, config.port());
        assertEquals(List.of("http://localhost:*", "http://127.0.0.1:*"), config.allowedOrigins());
        assertEquals(List.of("localhost:*", "127.0.0.1:*"), config.allowedHosts());
        assertEquals(Role.SECURITY_ANALYST, config.localIdentity().role());
        assertEquals(Optional.empty(), config.localIdentity().tenantId());
        assertEquals(List.of(), config.tokens());
        assertEquals(LogLevel.INFO, config.logLevel());
        assertEquals("jdbc:h2:file:" + Path.of("data").toAbsolutePath().resolve("secheaders")
                + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000;MAX_LENGTH_INPLACE_LOB=8192", config.database().url());
        assertEquals(10, config.database().poolSize());
        assertTrue(config.database().migrateOnStart());
    }

    @Test
    void flagsBeatEnvironmentBeatsFileBeatsDefaults() throws IOException {
        Path file = write("settings.properties", "port=1111\nbind=10.0.0.1\nlog.level=warn\n");
        Map<String, String> env = Map.of("SECHEADERS_CONFIG", file.toString(), "SECHEADERS_PORT", "2222",
                "SECHEADERS_BIND", "10.0.0.2");

        PlatformConfig config = load(List.of("--port", "3333"), env);

        assertEquals(3333, config.port(), "flag");
        assertEquals("10.0.0.2", config.bind(), "environment");
        assertEquals(LogLevel.WARN, config.logLevel(), "file");
        assertEquals(TransportKind.STDIO, config.transport(), "default");
    }

    @Test
    void configFlagBeatsConfigVariable() throws IOException {
        Path fromFlag = write("a.properties", "port=1\n");
        Path fromEnv = write("b.properties", "port=2\n");

        assertEquals(1, load(List.of("--config", fromFlag.toString()), Map.of("SECHEADERS_CONFIG", fromEnv.toString())).port());
    }

    @Test
    void yamlFilesNestAndList() throws IOException {
        Path file = write("secheaders.yaml", """
                transport: stateless
                identity:
                  role: tenant_admin
                  tenant: 7
                allowed:
                  origins:
                    - https://console.example.com
                    - https://ops.example.com:8443
                db:
                  url: jdbc:postgresql://db/secheaders
                  password: hunter2
                """);

        PlatformConfig config = load(List.of("--config", file.toString()), Map.of());

        assertEquals(TransportKind.STATELESS, config.transport());
        assertEquals(Role.TENANT_ADMIN, config.localIdentity().role());
        assertEquals(Optional.of(7L), config.localIdentity().tenantId());
        assertEquals(List.of("http://localhost:*", "http://127.0.0.1:*", "https://console.example.com",
                "https://ops.example.com:8443"), config.allowedOrigins());
        assertEquals("jdbc:postgresql://db/secheaders", config.database().url());
        assertEquals("hunter2", config.database().password());
    }

    @Test
    void jsonFilesWork() throws IOException {
        Path file = write("secheaders.json", "{\"transport\": \"sse\", \"port\": 9000, \"tokens\": [\"admin:" + SECRET + "\"]}");

        PlatformConfig config = load(List.of("--config", file.toString()), Map.of());

        assertEquals(TransportKind.SSE, config.transport());
        assertEquals(9000, config.port());
        assertEquals(Role.ADMIN, config.tokens().get(0).identity().role());
    }

    @Test
    void tokensRepeatAsFlagsOrListInTheEnvironment() {
        PlatformConfig fromFlags = load(List.of("--token", "admin:" + SECRET, "--token", "manager@3:" + SECRET + "2"), Map.of());
        PlatformConfig fromEnv = load(List.of(), Map.of("SECHEADERS_TOKENS", "admin:" + SECRET + ", manager@3:" + SECRET + "2"));

        assertEquals(List.of(Role.ADMIN, Role.MANAGER), fromFlags.tokens().stream().map(t -> t.identity().role()).toList());
        assertEquals(fromFlags.tokens(), fromEnv.tokens());
    }

    @Test
    void bindAddressIsAnAllowedHost() {
        assertEquals(List.of("localhost:*", "127.0.0.1:*", "mcp.internal:*"),
                load(List.of("--bind", "mcp.internal"), Map.of()).allowedHosts());
        assertEquals(List.of("localhost:*", "127.0.0.1:*", "[::1]:*"), load(List.of("--bind", "::1"), Map.of()).allowedHosts());
        assertEquals(List.of("localhost:*", "127.0.0.1:*", "mcp.example.com"),
                load(List.of("--bind", "0.0.0.0", "--allowed-hosts", "mcp.example.com"), Map.of()).allowedHosts());
    }

    @Test
    void badValuesNameTheirSourceAndValue() throws IOException {
        assertEquals("SECHEADERS_PORT='abc' is not a port number (1-65535, or 0 for any free port)",
                error(List.of(), Map.of("SECHEADERS_PORT", "abc")));
        assertEquals("--port='70000' is not a port number (1-65535, or 0 for any free port)",
                error(List.of("--port", "70000"), Map.of()));
        Path file = write("bad.properties", "port=abc\n");
        assertEquals("port='abc' in " + file + " is not a port number (1-65535, or 0 for any free port)",
                error(List.of("--config", file.toString()), Map.of()));
        assertEquals("SECHEADERS_TRANSPORT='carrier-pigeon' is not one of [stdio, http, sse, stateless]",
                error(List.of(), Map.of("SECHEADERS_TRANSPORT", "carrier-pigeon")));
        assertEquals("--identity-role='root' is not one of [superadmin, admin, manager, security_analyst, "
                + "compliance_officer, tenant_admin]", error(List.of("--identity-role", "root"), Map.of()));
        assertEquals("--identity-tenant='-4' is not a tenant id (a positive integer)",
                error(List.of("--identity-tenant", "-4"), Map.of()));
        assertEquals("--allowed-origins='*' has '*', expected scheme://host[:port|:*], e.g. https://console.example.com",
                error(List.of("--allowed-origins", "*"), Map.of()));
        assertEquals("--db-url='postgres://db' is not a JDBC URL (jdbc:h2:…, jdbc:postgresql:…, jdbc:mariadb:…)",
                error(List.of("--db-url", "postgres://db"), Map.of()));
        assertEquals("--bind='not a host' is not a host name or IP address", error(List.of("--bind", "not a host"), Map.of()));
        assertEquals("--log-level='loud' is not one of [trace, debug, info, warn, error]",
                error(List.of("--log-level", "loud"), Map.of()));
        assertEquals("SECHEADERS_DB_POOL_SIZE='0' is not a pool size (1-200)",
                error(List.of(), Map.of("SECHEADERS_DB_POOL_SIZE", "0")));
        assertEquals("--db-migrate='yes' is not true or false", error(List.of("--db-migrate", "yes"), Map.of()));
    }

    @Test
    void complianceSchedulingDefaultsAndSettings() {
        ComplianceSettings defaults = load(List.of(), Map.of()).compliance();
        assertEquals(new ComplianceSettings(true, Duration.ofMinutes(5), ScheduledTarget.CONFIGURED, Optional.empty(),
                PrivateAddresses.DENY), defaults);

        ComplianceSettings set = load(List.of("--compliance-scheduler-interval", "PT30S", "--compliance-scheduler-target",
                "primary-domain", "--compliance-webhook-url", "https://hooks.example.com/secheaders"),
                Map.of("SECHEADERS_COMPLIANCE_WEBHOOK_SECRET", SECRET, "SECHEADERS_COMPLIANCE_SCHEDULER_ENABLED", "false"))
                .compliance();
        assertFalse(set.schedulerEnabled());
        assertEquals(Duration.ofSeconds(30), set.schedulerInterval());
        assertEquals(ScheduledTarget.PRIMARY_DOMAIN, set.target());
        assertEquals(URI.create("https://hooks.example.com/secheaders"), set.webhook().orElseThrow().url());
        assertEquals(Optional.of(SECRET), set.webhook().get().secret());
        assertFalse(set.toString().contains(SECRET));
        assertEquals(Duration.ofHours(2), load(List.of("--compliance-scheduler-interval", "2h"), Map.of())
                .compliance().schedulerInterval());
    }

    @Test
    void badComplianceSettingsAreNamed() {
        assertEquals("--compliance-scheduler-interval='soon' is not a duration such as 30s, 5m, 1h or PT5M",
                error(List.of("--compliance-scheduler-interval", "soon"), Map.of()));
        assertEquals("SECHEADERS_COMPLIANCE_SCHEDULER_INTERVAL='1s' is outside 10s-1d",
                error(List.of(), Map.of("SECHEADERS_COMPLIANCE_SCHEDULER_INTERVAL", "1s")));
        assertEquals("--compliance-scheduler-target='everything' is not one of [configured, primary_domain]",
                error(List.of("--compliance-scheduler-target", "everything"), Map.of()));
        assertEquals("--compliance-webhook-url='ftp://hooks.example.com' is not an absolute http:// or https:// URL",
                error(List.of("--compliance-webhook-url", "ftp://hooks.example.com"), Map.of()));
        String secretWithoutUrl = error(List.of(), Map.of("SECHEADERS_COMPLIANCE_WEBHOOK_SECRET", SECRET));
        assertEquals("SECHEADERS_COMPLIANCE_WEBHOOK_SECRET='***' signs webhook posts, but no webhook is set: set "
                + "--compliance-webhook-url, SECHEADERS_COMPLIANCE_WEBHOOK_URL or compliance.webhook.url", secretWithoutUrl);
        assertEquals("--compliance-scheduler-enabled='sometimes' is not true or false",
                error(List.of("--compliance-scheduler-enabled", "sometimes"), Map.of()));
    }

    @Test
    void scannerPrivateAddressesAreDeniedUnlessAllowedByFlagEnvironmentOrFile() throws IOException {
        assertEquals(PrivateAddresses.DENY, privateAddresses(List.of(), Map.of()), "default");
        Path allowing = write("allow.properties", "compliance.scanner.private.addresses=allow\n");
        Path denying = write("deny.properties", "compliance.scanner.private.addresses=deny\n");
        assertEquals(PrivateAddresses.ALLOW, privateAddresses(List.of(), Map.of("SECHEADERS_CONFIG", allowing.toString())),
                "file");
        assertEquals(PrivateAddresses.ALLOW, privateAddresses(List.of(), Map.of("SECHEADERS_CONFIG", denying.toString(),
                "SECHEADERS_COMPLIANCE_SCANNER_PRIVATE_ADDRESSES", "allow")), "environment beats file");
        assertEquals(PrivateAddresses.DENY, privateAddresses(List.of("--compliance-scanner-private-addresses", "deny"),
                Map.of("SECHEADERS_CONFIG", allowing.toString(), "SECHEADERS_COMPLIANCE_SCANNER_PRIVATE_ADDRESSES", "allow")),
                "flag beats environment");
        assertEquals(PrivateAddresses.ALLOW, privateAddresses(List.of("--compliance-scanner-private-addresses=ALLOW"),
                Map.of()), "case-insensitive, as every enum setting");
    }

    @Test
    void aBadPrivateAddressesValueNamesTheSettingAndTheAllowedValues() throws IOException {
        assertEquals("--compliance-scanner-private-addresses='yes' is not one of [deny, allow]",
                error(List.of("--compliance-scanner-private-addresses", "yes"), Map.of()));
        assertEquals("SECHEADERS_COMPLIANCE_SCANNER_PRIVATE_ADDRESSES='' is not one of [deny, allow]",
                error(List.of(), Map.of("SECHEADERS_COMPLIANCE_SCANNER_PRIVATE_ADDRESSES", "")));
        Path file = write("bad.yaml", "compliance:\n  scanner:\n    private:\n      addresses: intranet\n");
        assertEquals("compliance.scanner.private.addresses='intranet' in " + file + " is not one of [deny, allow]",
                error(List.of(), Map.of("SECHEADERS_CONFIG", file.toString())));
    }

    private static PrivateAddresses privateAddresses(List<String> args, Map<String, String> env) {
        return load(args, env).compliance().privateAddresses();
    }

    @Test
    void commandDefaultsSitBelowEveryOtherLayer() {
        Map<ConfigKey, String> quiet = Map.of(ConfigKey.LOG_LEVEL, "warn");
        assertEquals(LogLevel.WARN,
                PlatformConfigLoader.load(CommandLineFlags.parse(), Map.of(), quiet).logLevel());
        assertEquals(LogLevel.DEBUG, PlatformConfigLoader.load(CommandLineFlags.parse(),
                Map.of("SECHEADERS_LOG_LEVEL", "debug"), quiet).logLevel());
        assertEquals(LogLevel.ERROR, PlatformConfigLoader.load(CommandLineFlags.parse("--log-level", "error"),
                Map.of(), quiet).logLevel());
    }

    @Test
    void databaseSettingsBecomeTheDomainsDatabaseConfig() {
        PlatformConfig config = load(List.of("--db-url", "jdbc:postgresql://db/secheaders", "--db-user", "app",
                "--db-pool-size", "4", "--db-migrate", "false", "--data-dir", "/var/lib/secheaders"), Map.of());
        assertFalse(config.database().migrateOnStart());
        assertEquals(new DatabaseConfig("jdbc:postgresql://db/secheaders", Optional.of("app"),
                Optional.empty(), 4, Path.of("/var/lib/secheaders")), config.databaseConfig());
        assertEquals(9000, config.withPort(9000).port());
        assertEquals(config.database(), config.withPort(9000).database());
    }

    @Test
    void tenantAdminNeedsATenant() {
        assertEquals("SECHEADERS_IDENTITY_ROLE='tenant_admin' needs a tenant: set --identity-tenant, "
                + "SECHEADERS_IDENTITY_TENANT or identity.tenant",
                error(List.of(), Map.of("SECHEADERS_IDENTITY_ROLE", "tenant_admin")));
    }

    @Test
    void tokenErrorsNeverShowSecrets() {
        String shortSecret = error(List.of("--token", "admin:" + SECRET, "--token", "admin:tooshort"), Map.of());
        String duplicate = error(List.of(), Map.of("SECHEADERS_TOKENS", "admin:" + SECRET + ",manager:" + SECRET));

        assertEquals("--token='***' is invalid: token #2: secret is shorter than 16 characters", shortSecret);
        assertEquals("SECHEADERS_TOKENS='***' is invalid: token #2 repeats the secret of token #1", duplicate);
    }

    @Test
    void unknownSettingsAreErrorsNotSilence() throws IOException {
        assertTrue(error(List.of(), Map.of("SECHEADERS_PROT", "1")).startsWith(
                "SECHEADERS_PROT is not a known setting; known: SECHEADERS_CONFIG, SECHEADERS_ALLOWED_HOSTS, "));
        Path file = write("typo.yaml", "identity:\n  rol: admin\n");
        assertTrue(error(List.of("--config", file.toString()), Map.of())
                .startsWith("unknown setting 'identity.rol' in " + file + "; known: allowed.hosts, "));
        assertEquals("Unknown options: '--prot', '1' (see --help)", error(List.of("--prot", "1"), Map.of()));
        assertTrue(error(List.of("--port", "1", "--port", "2"), Map.of()).contains("should be specified only once"));
    }

    @Test
    void unusableConfigFilesAreNamed() throws IOException {
        Path missing = dir.resolve("missing.yaml");
        assertEquals("config file " + missing + " (from SECHEADERS_CONFIG) does not exist or is not a file",
                error(List.of(), Map.of("SECHEADERS_CONFIG", missing.toString())));
        Path text = write("settings.txt", "port=1");
        assertEquals("config file " + text + " must end in .properties, .json, .yaml or .yml",
                error(List.of("--config", text.toString()), Map.of()));
        Path broken = write("broken.json", "{\"port\": ");
        assertTrue(error(List.of("--config", broken.toString()), Map.of()).startsWith("config file " + broken + " cannot be read: "));
    }

    @Test
    void printedConfigurationHidesSecrets() {
        PlatformConfig config = load(List.of("--token", "admin:" + SECRET, "--db-password", "hunter2"), Map.of());

        assertFalse(config.toString().contains(SECRET), config::toString);
        assertFalse(config.toString().contains("hunter2"), config::toString);
        assertTrue(config.toString().contains("password=***"), config::toString);
    }

    @Test
    void helpIsRecognized() {
        assertTrue(CommandLineFlags.parse("--help").helpRequested());
    }

    private static PlatformConfig load(List<String> args, Map<String, String> env) {
        return PlatformConfigLoader.load(args.toArray(String[]::new), env);
    }

    private static String error(List<String> args, Map<String, String> env) {
        return assertThrows(ConfigException.class, () -> load(args, env)).getMessage();
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
