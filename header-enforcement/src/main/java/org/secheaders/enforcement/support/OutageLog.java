package org.secheaders.enforcement.support;

import org.slf4j.Logger;

/**
 * Logs a failing dependency once per outage instead of once per retry: a warning with the cause
 * on the first failure, debug for the repeats, and an info line with the count on recovery.
 * Used by the background loops (policy poller, metrics flusher), which retry on their own
 * schedule. Not thread-safe: each loop owns one and calls it from its single thread.
 */
public final class OutageLog {
    private final Logger log;
    private final String what;
    private long consecutiveFailures;

    public OutageLog(Logger log, String what) {
        this.log = log;
        this.what = what;
    }

    public void failure(RuntimeException e) {
        consecutiveFailures++;
        if (consecutiveFailures == 1) {
            log.warn("{} failed; keeping the last good state and retrying", what, e);
        } else {
            log.debug("{} failed again ({} in a row): {}", what, consecutiveFailures, e.toString());
        }
    }

    public void success() {
        if (consecutiveFailures > 0) {
            log.info("{} recovered after {} failed attempts", what, consecutiveFailures);
            consecutiveFailures = 0;
        }
    }

    public boolean failing() {
        return consecutiveFailures > 0;
    }
}
