package org.secheaders.domain.report;

import java.util.Objects;

/** The noise filter's answer for one report. */
public sealed interface NoiseVerdict {

    /** No noise rule matched. */
    record Clean() implements NoiseVerdict {
    }

    /** A tenant allow pattern matched, so no noise rule was applied. */
    record Allowed(String pattern, NoiseLocation location) implements NoiseVerdict {
        public Allowed {
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(location, "location");
        }
    }

    /** A noise rule matched; {@code rule} is the pattern, signature or bug name that did. */
    record Noise(NoiseCategory category, String rule, NoiseLocation location) implements NoiseVerdict {
        public Noise {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(location, "location");
        }

        /** {@code category:rule}, e.g. {@code extension:chrome-extension:}; the key noise is counted under. */
        public String ruleId() {
            return category.id() + ":" + rule;
        }
    }
}
