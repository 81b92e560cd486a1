package org.secheaders.domain.repo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The SQL of a multi-column grouping: the select list with aliases {@code g0, g1, …}, the GROUP BY list, and the row reader. */
final class GroupColumns {
    private final List<ViolationGrouping> groupings;

    private GroupColumns(List<ViolationGrouping> groupings) {
        this.groupings = groupings;
    }

    static GroupColumns of(List<ViolationGrouping> groupings) {
        if (groupings.isEmpty() || groupings.stream().distinct().count() != groupings.size()) {
            throw new IllegalArgumentException("groupings must be distinct and not empty: " + groupings);
        }
        return new GroupColumns(List.copyOf(groupings));
    }

    String select() {
        return IntStream.range(0, groupings.size())
                .mapToObj(i -> groupings.get(i).column() + " AS g" + i)
                .collect(Collectors.joining(", "));
    }

    String groupBy() {
        return groupings.stream().map(ViolationGrouping::column).collect(Collectors.joining(", "));
    }

    GroupedValues read(ResultSet rs) throws SQLException {
        Map<ViolationGrouping, String> values = new EnumMap<>(ViolationGrouping.class);
        for (int i = 0; i < groupings.size(); i++) {
            String value = rs.getString("g" + i);
            if (value != null) {
                values.put(groupings.get(i), value);
            }
        }
        return new GroupedValues(values);
    }
}
