package org.secheaders.domain.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Immutable copies for configuration records. They keep insertion order (stored JSON round-trips
 * unchanged), read {@code null} as empty, and reject {@code null} elements with a message naming the
 * field, which Jackson passes on when stored JSON holds a {@code null}.
 */
final class Copies {
    private Copies() {
    }

    static List<String> list(Collection<String> values, String field) {
        List<String> copy = new ArrayList<>();
        if (values != null) {
            values.forEach(v -> copy.add(present(v, field)));
        }
        return Collections.unmodifiableList(copy);
    }

    static Set<String> lowerCaseSet(Collection<String> values, String field) {
        Set<String> copy = new TreeSet<>();
        list(values, field).forEach(v -> copy.add(v.toLowerCase(Locale.ROOT)));
        return Collections.unmodifiableSet(copy);
    }

    static <V> Map<String, V> map(Map<String, V> values, String field, UnaryOperator<V> copyValue) {
        Map<String, V> copy = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((key, value) -> copy.put(present(key, field),
                    copyValue.apply(present(value, field + "['" + key + "']"))));
        }
        return Collections.unmodifiableMap(copy);
    }

    private static <T> T present(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " contains null");
        }
        return value;
    }
}
