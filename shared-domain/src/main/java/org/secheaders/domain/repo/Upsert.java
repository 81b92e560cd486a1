package org.secheaders.domain.repo;

import java.util.List;
import java.util.stream.Collectors;
import org.secheaders.domain.db.Dialect;

/** An insert that replaces the non-key columns of a row with the same key, spelled per dialect. */
final class Upsert {
    private Upsert() {
    }

    /** The statement for {@code table}, binding each column by its own name; {@code keys} is the primary key. */
    static String sql(Dialect dialect, String table, List<String> columns, List<String> keys) {
        String names = String.join(", ", columns);
        String values = columns.stream().map(column -> ":" + column).collect(Collectors.joining(", "));
        List<String> updated = columns.stream().filter(column -> !keys.contains(column)).toList();
        return switch (dialect) {
            case POSTGRESQL -> "INSERT INTO " + table + " (" + names + ") VALUES (" + values + ") ON CONFLICT ("
                    + String.join(", ", keys) + ") DO UPDATE SET "
                    + updated.stream().map(column -> column + " = EXCLUDED." + column).collect(Collectors.joining(", "));
            case MARIADB -> "INSERT INTO " + table + " (" + names + ") VALUES (" + values + ") ON DUPLICATE KEY UPDATE "
                    + updated.stream().map(column -> column + " = VALUES(" + column + ")").collect(Collectors.joining(", "));
            case H2 -> "MERGE INTO " + table + " (" + names + ") KEY (" + String.join(", ", keys) + ") VALUES (" + values + ")";
        };
    }
}
