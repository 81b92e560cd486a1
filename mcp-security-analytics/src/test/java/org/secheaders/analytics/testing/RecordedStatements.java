package org.secheaders.analytics.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;

/** The SQL statements a piece of code runs through one {@link Jdbi}, whitespace collapsed, in order. */
public final class RecordedStatements {

    private RecordedStatements() {
    }

    public static List<String> during(Jdbi jdbi, Runnable action) {
        List<String> statements = Collections.synchronizedList(new ArrayList<>());
        SqlLogger previous = jdbi.getConfig(SqlStatements.class).getSqlLogger();
        jdbi.setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                statements.add(context.getRawSql().replaceAll("\\s+", " "));
            }
        });
        try {
            action.run();
        } finally {
            jdbi.setSqlLogger(previous);
        }
        return statements;
    }
}
