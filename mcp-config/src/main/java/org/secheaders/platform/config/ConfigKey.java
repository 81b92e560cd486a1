package org.secheaders.platform.config;

import java.util.Locale;
import java.util.Optional;

/**
 * Every setting the platform reads. One dotted name yields all spellings: config file key
 * {@code identity.role}, flag {@code --identity-role}, environment variable {@code SECHEADERS_IDENTITY_ROLE}.
 */
public enum ConfigKey {
    TRANSPORT("transport", "stdio, http, sse or stateless", Optional.of("stdio")),
    BIND("bind", "address the HTTP server listens on", Optional.of("127.0.0.1")),
    PORT("port", "HTTP port; 0 picks a free one", Optional.of("8080")),
    ALLOWED_ORIGINS("allowed.origins",
            "extra allowed Origin patterns, comma-separated (http://localhost:* and http://127.0.0.1:* are always allowed)",
            Optional.empty()),
    ALLOWED_HOSTS("allowed.hosts",
            "extra allowed Host patterns, comma-separated (localhost, 127.0.0.1 and the bind address are always allowed)",
            Optional.empty()),
    DATA_DIR("data.dir", "directory for local data such as the embedded database", Optional.of("data")),
    DB_URL("db.url", "JDBC URL (default: an H2 file database in the data directory)", Optional.empty()),
    DB_USER("db.user", "database user", Optional.of("sa")),
    DB_PASSWORD("db.password", "database password", Optional.of("")),
    DB_POOL_SIZE("db.pool.size", "maximum open database connections, 1-200", Optional.of("10")),
    DB_MIGRATE("db.migrate", "apply pending database migrations when a server starts: true or false", Optional.of("true")),
    IDENTITY_ROLE("identity.role", "role of the stdio caller", Optional.of("security_analyst")),
    IDENTITY_TENANT("identity.tenant", "tenant of the stdio caller (required for tenant_admin)", Optional.empty()),
    TOKENS("tokens", "static bearer token <role>[@<tenant>]:<secret>; repeatable / comma-separated", Optional.empty()),
    LOG_LEVEL("log.level", "root log level: trace, debug, info, warn or error", Optional.of("info")),
    LOG_FILE("log.file", "also write JSON logs to this file", Optional.empty()),
    COMPLIANCE_SCHEDULER_ENABLED("compliance.scheduler.enabled",
            "run due compliance checks inside the compliance-checker server: true or false", Optional.of("true")),
    COMPLIANCE_SCHEDULER_INTERVAL("compliance.scheduler.interval",
            "how often the scheduler looks for due checks and undelivered events: 30s, 5m, 1h or PT5M (10s-1d)",
            Optional.of("5m")),
    COMPLIANCE_SCHEDULER_TARGET("compliance.scheduler.target",
            "what scheduled checks judge: configured (the tenant's configured headers) or primary-domain "
                    + "(the live headers of https://<primary domain>/)", Optional.of("configured")),
    COMPLIANCE_SCANNER_PRIVATE_ADDRESSES("compliance.scanner.private.addresses",
            "whether live scans (url) may reach loopback, private, link-local and reserved addresses: deny or allow",
            Optional.of("deny")),
    COMPLIANCE_WEBHOOK_URL("compliance.webhook.url", "http(s) URL non-compliance events are posted to", Optional.empty()),
    COMPLIANCE_WEBHOOK_SECRET("compliance.webhook.secret",
            "shared secret signing each webhook post (HMAC-SHA256 header X-Secheaders-Signature)", Optional.empty());

    private static final String ENV_PREFIX = "SECHEADERS_";

    private final String fileKey;
    private final String description;
    private final Optional<String> defaultValue;

    ConfigKey(String fileKey, String description, Optional<String> defaultValue) {
        this.fileKey = fileKey;
        this.description = description;
        this.defaultValue = defaultValue;
    }

    public String fileKey() {
        return fileKey;
    }

    /** {@code --token} is repeated once per token, so it reads in the singular. */
    public String flag() {
        return this == TOKENS ? "--token" : "--" + fileKey.replace('.', '-');
    }

    /** How the value is shown in usage, e.g. {@code --port=PORT}. */
    public String paramLabel() {
        return this == TOKENS ? "ROLE[@TENANT]:SECRET" : fileKey.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    public String envVar() {
        return ENV_PREFIX + fileKey.replace('.', '_').toUpperCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }

    public Optional<String> defaultValue() {
        return defaultValue;
    }

    /** Secrets are never repeated in messages or logs. */
    public boolean secret() {
        return this == TOKENS || this == DB_PASSWORD || this == COMPLIANCE_WEBHOOK_SECRET;
    }

    /** Comma-separated lists; a repeated flag joins its values with commas. */
    public boolean list() {
        return this == TOKENS || this == ALLOWED_ORIGINS || this == ALLOWED_HOSTS;
    }

    /** All three spellings, for messages that tell the user where to set this. */
    public String spellings() {
        return flag() + ", " + envVar() + " or " + fileKey;
    }
}
