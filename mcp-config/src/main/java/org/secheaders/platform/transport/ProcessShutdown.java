package org.secheaders.platform.transport;

/**
 * Whether this JVM is shutting down. Shutdown hooks run concurrently, so H2's own hook may close the
 * embedded database while the servers' hook is still stopping HTTP: a request answered in that moment
 * fails, which is expected then and an error at any other time.
 */
final class ProcessShutdown {

    private ProcessShutdown() {
    }

    /** True once the JVM has begun running its shutdown hooks (it then refuses new ones). */
    static boolean inProgress() {
        Thread probe = new Thread(() -> { }, "shutdown-probe");
        try {
            Runtime.getRuntime().addShutdownHook(probe);
        } catch (IllegalStateException shuttingDown) {
            return true;
        }
        Runtime.getRuntime().removeShutdownHook(probe);
        return false;
    }
}
