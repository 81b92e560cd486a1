package org.secheaders.domain.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Argument checks and defensive copies shared by the model records. */
final class Values {
    private Values() {
    }

    static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    /**
     * An unmodifiable copy that keeps insertion order and, unlike {@link Map#copyOf}, null values:
     * JSON documents (settings, metadata, evidence) may legitimately contain {@code null}.
     */
    static <V> Map<String, V> jsonMap(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    static <T> List<T> jsonList(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }

    static <T> T require(T value, String field) {
        return Objects.requireNonNull(value, () -> field + " is required");
    }
}
