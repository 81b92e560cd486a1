package org.secheaders.platform.admin;

/** The state of one health check. */
public enum HealthStatus {
    UP, DOWN
}
