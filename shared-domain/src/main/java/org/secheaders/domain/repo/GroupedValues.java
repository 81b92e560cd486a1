package org.secheaders.domain.repo;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The values of one group's grouped columns; a column that is NULL for the group is absent. */
public record GroupedValues(Map<ViolationGrouping, String> values) {

    public GroupedValues {
        values = values.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(values));
    }

    public Optional<String> get(ViolationGrouping grouping) {
        return Optional.ofNullable(values.get(grouping));
    }

    /** The value of a column known to be NOT NULL, such as the tenant or the directive. */
    public String require(ViolationGrouping grouping) {
        return get(grouping).orElseThrow(() -> new IllegalStateException(grouping + " is not part of " + values));
    }
}
