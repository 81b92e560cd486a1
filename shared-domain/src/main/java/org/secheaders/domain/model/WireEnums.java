package org.secheaders.domain.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parses the lower-case wire names of the domain enums, naming the field and the allowed values on error. */
public final class WireEnums {
    private WireEnums() {
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required; allowed: " + allowed(type));
        }
        String normalized = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return Enum.valueOf(type, normalized);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    field + " '" + value + "' is not one of " + allowed(type), e);
        }
    }

    public static <E extends Enum<E>> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    public static String wireName(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
