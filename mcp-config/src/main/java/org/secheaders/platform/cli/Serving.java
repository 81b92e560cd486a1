package org.secheaders.platform.cli;

import org.secheaders.platform.server.ServerGroup;

/** Runs started HTTP servers until the process is stopped (Ctrl-C, SIGTERM) or the running thread is interrupted. */
final class Serving {

    private Serving() {
    }

    /** Blocks until stopped; the servers are closed when this returns. */
    static void untilStopped(ServerGroup group) {
        boolean interrupted = false;
        try (group) {
            Thread hook = new Thread(group::close, "secheaders-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                group.awaitShutdown();
            } catch (InterruptedException stop) {
                // How a program that runs serve in-process stops it.
                interrupted = true;
            } finally {
                removeHook(hook);
            }
        }
        if (interrupted) {
            // Restored only now: closing the servers and pools waits, which an interrupted thread cannot.
            Thread.currentThread().interrupt();
        }
    }

    /** The JVM refuses removal once it is shutting down, which is exactly when the hook has run. */
    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }
}
