package org.secheaders.domain.repo;

import org.secheaders.domain.db.Dialect;

/** SQL for the whole milliseconds between two timestamp columns; each database spells it differently. */
final class ElapsedTime {
    private ElapsedTime() {
    }

    static String millis(Dialect dialect, String from, String to) {
        return switch (dialect) {
            case H2 -> "DATEDIFF('MILLISECOND', " + from + ", " + to + ")";
            case POSTGRESQL -> "CAST(FLOOR(EXTRACT(EPOCH FROM (" + to + " - " + from + ")) * 1000) AS BIGINT)";
            case MARIADB -> "TIMESTAMPDIFF(MICROSECOND, " + from + ", " + to + ") DIV 1000";
        };
    }
}
