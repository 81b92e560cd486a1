package org.secheaders.domain.grading;

import java.util.Objects;

/** One header field line as received: the name keeps its case, the value is untouched. */
public record HeaderField(String name, String value) {
    public HeaderField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    boolean hasName(String other) {
        return name.equalsIgnoreCase(other);
    }
}
