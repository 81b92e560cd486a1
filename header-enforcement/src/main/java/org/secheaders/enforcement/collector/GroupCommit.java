package org.secheaders.enforcement.collector;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SyncMode#FSYNC}: one thread fsyncs the log for every request waiting at once. When a
 * request starts waiting it wakes the thread, which waits one interval more to gather the requests
 * arriving meanwhile, then fsyncs the active segment and releases all whose records end before the
 * synced position. Segments are fsynced as they are closed ({@link #forceAndClose}), so syncing the
 * active one covers the whole log.
 *
 * <p>If an fsync fails the log is failed for good: after a failed fsync the kernel may already have
 * dropped the dirty pages, so nothing written before can be trusted to reach the disk.
 */
final class GroupCommit {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    private final WriteAheadLog log;
    private final long intervalNanos;
    private final Object forceLock = new Object();
    private final Thread thread;
    /** Guarded by this. */
    private long durableEnd;
    private int waiting;
    private IOException failure;
    private boolean stopped;

    GroupCommit(WriteAheadLog log, Duration interval) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
        this.thread = new Thread(this::run, "csp-collector-fsync");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Returns once everything before {@code position} has been fsynced. */
    void await(long position) throws IOException, InterruptedException {
        synchronized (this) {
            waiting++;
            notifyAll();
            try {
                while (durableEnd < position && failure == null && !stopped) {
                    wait();
                }
            } finally {
                waiting--;
            }
            if (durableEnd < position) {
                throw new IOException(failure == null ? "the log is closing" : "fsync failed: " + failure.getMessage(),
                        failure);
            }
        }
    }

    /** Called by the log, under its lock, when it rolls to a new segment. */
    void forceAndClose(FileChannel segment) throws IOException {
        synchronized (forceLock) {
            segment.force(false);
            segment.close();
        }
    }

    void stop() {
        synchronized (this) {
            stopped = true;
            notifyAll();
        }
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (awaitWaiters()) {
                TimeUnit.NANOSECONDS.sleep(intervalNanos);
                WriteAheadLog.ChannelEnd target = log.channelEnd();
                synchronized (forceLock) {
                    // A closed channel was rolled away, and forced while being closed.
                    if (target.channel().isOpen()) {
                        target.channel().force(false);
                    }
                }
                synchronized (this) {
                    durableEnd = Math.max(durableEnd, target.end());
                    notifyAll();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.error("fsync of the write-ahead log failed; the collector accepts no more reports", e);
            log.fail();
            synchronized (this) {
                failure = e;
                notifyAll();
            }
        }
    }

    private synchronized boolean awaitWaiters() throws InterruptedException {
        while (waiting == 0 && !stopped) {
            wait();
        }
        return !stopped;
    }
}
