package org.secheaders.domain.db;

import java.util.Arrays;

/** The supported databases, for the few statements whose SQL differs between them. */
public enum Dialect {
    H2("jdbc:h2:"),
    POSTGRESQL("jdbc:postgresql:"),
    /** MariaDB, and MySQL through the MariaDB driver. */
    MARIADB("jdbc:mariadb:");

    private final String urlPrefix;

    Dialect(String urlPrefix) {
        this.urlPrefix = urlPrefix;
    }

    public String urlPrefix() {
        return urlPrefix;
    }

    /** The dialect of a JDBC URL; {@code jdbc:mysql:} URLs must first be rewritten (see {@link DatabaseConfig}). */
    public static Dialect fromJdbcUrl(String url) {
        return Arrays.stream(values())
                .filter(d -> url != null && url.startsWith(d.urlPrefix))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unsupported JDBC URL '" + url
                        + "': expected jdbc:h2:, jdbc:postgresql:, jdbc:mariadb: or jdbc:mysql:"));
    }
}
