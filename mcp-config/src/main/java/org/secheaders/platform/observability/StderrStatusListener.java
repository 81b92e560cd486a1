package org.secheaders.platform.observability;

import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;

/**
 * Logback's own warnings and errors, on stderr. Without a listener logback prints them on
 * stdout, which in stdio mode is the protocol; the built-in console listeners also print every
 * INFO status.
 */
public final class StderrStatusListener implements StatusListener {

    @Override
    public void addStatusEvent(Status status) {
        if (status.getEffectiveLevel() >= Status.WARN) {
            System.err.println("logback: " + status);
        }
    }
}
