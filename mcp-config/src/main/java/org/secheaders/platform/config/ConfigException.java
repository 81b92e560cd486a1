package org.secheaders.platform.config;

/** A configuration value is missing or unusable; the message names where it came from and what is wrong. */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message, null, false, false);
    }
}
