package org.secheaders.domain.repo;

import java.util.Locale;
import org.secheaders.domain.db.Dialect;

/** Width of the time buckets of a grouped count or aggregate; buckets are aligned to UTC. */
public enum TimeBucket {
    MINUTE("%Y-%m-%d %H:%i:00"),
    HOUR("%Y-%m-%d %H:00:00"),
    DAY("%Y-%m-%d 00:00:00");

    private final String mariadbFormat;

    TimeBucket(String mariadbFormat) {
        this.mariadbFormat = mariadbFormat;
    }

    /** SQL truncating a timestamp column to the start of its bucket; MariaDB has no DATE_TRUNC. */
    String truncate(Dialect dialect, String column) {
        return switch (dialect) {
            case H2, POSTGRESQL -> "DATE_TRUNC('" + name().toLowerCase(Locale.ROOT) + "', " + column + ")";
            case MARIADB -> "CAST(DATE_FORMAT(" + column + ", '" + mariadbFormat + "') AS DATETIME)";
        };
    }
}
