package org.secheaders.platform.server;

/**
 * A server module that {@code secheaders serve} can run, found with {@link java.util.ServiceLoader}:
 * a module lists its implementation in
 * {@code META-INF/services/org.secheaders.platform.server.McpServerModule}. Implementations need a
 * public no-argument constructor and must not do work before {@link ServerFactory#create} is called.
 */
public interface McpServerModule {

    /** The name on the command line, e.g. {@code security-analytics}: lower-case words joined by hyphens. */
    String id();

    /** One line for listings, e.g. what {@code serve --help} and {@code client-config} show. */
    String description();

    ServerFactory factory();
}
