package org.secheaders.domain.repo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code [from, to)} of receipt or bucket start, open where absent. */
record TimeSpan(Optional<Instant> from, Optional<Instant> to) {

    static TimeSpan of(Instant from, Instant to) {
        return new TimeSpan(Optional.of(from), Optional.of(to));
    }

    /**
     * SQL matching {@code column} in any of the spans, its bounds added to {@code arguments} under names
     * starting with {@code prefix}: several ranges in one statement instead of one statement each.
     */
    static String anyOf(String column, List<TimeSpan> spans, String prefix, Map<String, Object> arguments) {
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            TimeSpan span = spans.get(i);
            List<String> bounds = new ArrayList<>();
            String from = prefix + "_from_" + i;
            String to = prefix + "_to_" + i;
            span.from().ifPresent(instant -> {
                bounds.add(column + " >= :" + from);
                arguments.put(from, instant);
            });
            span.to().ifPresent(instant -> {
                bounds.add(column + " < :" + to);
                arguments.put(to, instant);
            });
            alternatives.add(bounds.isEmpty() ? "1 = 1" : "(" + String.join(" AND ", bounds) + ")");
        }
        return "(" + String.join(" OR ", alternatives) + ")";
    }
}
