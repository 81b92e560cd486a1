package org.secheaders.platform.admin;

/** One checked dependency: its name, whether it is usable and a sentence saying what was seen. */
public record HealthCheck(String name, HealthStatus status, String detail) {

    static HealthCheck up(String name, String detail) {
        return new HealthCheck(name, HealthStatus.UP, detail);
    }

    static HealthCheck down(String name, String detail) {
        return new HealthCheck(name, HealthStatus.DOWN, detail);
    }
}
