package org.secheaders.domain.repo;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.SqlStatement;

/** {@code [from, to)} of receipt or bucket start, open where absent. */
record TimeSpan(Optional<Instant> from, Optional<Instant> to) {

    static TimeSpan of(Instant from, Instant to) {
        return new TimeSpan(Optional.of(from), Optional.of(to));
    }

    /** {@code where} with this span's bounds on {@code column}, bound under names starting with {@code prefix}. */
    Where bound(Where where, String column, String prefix) {
        return where.and(from, column + " >= :" + prefix + "_from", prefix + "_from")
                .and(to, column + " < :" + prefix + "_to", prefix + "_to");
    }

    /**
     * Several ranges read in one statement: one SELECT per range, joined by UNION ALL, so that each can use
     * a time index (H2 reads every row of the tenant for ORed ranges). {@code select} is the SELECT and FROM,
     * {@code suffix} what follows each WHERE (a GROUP BY); each branch's bounds are named apart.
     */
    record Branches(String sql, List<Where> wheres) {
        static Branches of(String select, List<Where> wheres, String suffix) {
            return new Branches(wheres.stream().map(where -> select + where.sql() + suffix)
                    .collect(Collectors.joining(" UNION ALL ")), List.copyOf(wheres));
        }

        <S extends SqlStatement<S>> S bind(S statement) {
            wheres.forEach(where -> where.bind(statement));
            return statement;
        }
    }
}
