package org.secheaders.domain.compliance;

import java.util.Objects;

/**
 * A requirement's id and level in one ASVS edition.
 *
 * @param id    e.g. {@code 3.4.1} (5.0) or {@code 14.4.5} (4.0.3)
 * @param level 1 to 3
 */
public record AsvsRequirement(String id, int level) {
    public AsvsRequirement {
        Objects.requireNonNull(id, "id");
        if (level < 1 || level > 3) {
            throw new IllegalArgumentException("ASVS level must be 1, 2 or 3, was " + level);
        }
    }
}
