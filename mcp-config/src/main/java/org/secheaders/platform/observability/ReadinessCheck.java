package org.secheaders.platform.observability;

import java.util.Objects;

/**
 * One dependency {@code /health/ready} asks about, e.g.
 * {@code new ReadinessCheck("database", () -> jdbi.useHandle(h -> h.execute("SELECT 1")))}.
 * The probe should bound its own time (a pool's connection timeout does).
 */
public record ReadinessCheck(String name, Probe probe) {

    /** Returns normally when the dependency is usable, throws otherwise. */
    @FunctionalInterface
    public interface Probe {
        void check() throws Exception;
    }

    public ReadinessCheck {
        Objects.requireNonNull(probe, "probe");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("readiness check name must not be blank");
        }
    }
}
