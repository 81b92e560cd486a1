package org.secheaders.domain.compliance;

import java.util.Arrays;

/** The OWASP ASVS editions the catalogue maps to; a tenant picks one, with a target level. */
public enum AsvsVersion {
    V4_0_3("4.0.3"),
    V5_0("5.0");

    private final String label;

    AsvsVersion(String label) {
        this.label = label;
    }

    /** As written in citations and in the catalogue: {@code 4.0.3}, {@code 5.0}. */
    public String label() {
        return label;
    }

    public static AsvsVersion fromLabel(String label) {
        return Arrays.stream(values()).filter(v -> v.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("ASVS version '" + label + "' is not one of 4.0.3, 5.0"));
    }
}
