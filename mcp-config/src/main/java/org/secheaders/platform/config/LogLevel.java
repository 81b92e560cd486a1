package org.secheaders.platform.config;

/** Root log level. */
public enum LogLevel { TRACE, DEBUG, INFO, WARN, ERROR }
