package org.secheaders.enforcement.collector;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hand-off between request threads and the storage worker: every record is appended to the
 * write-ahead log and queued in memory under one lock, so the queue is in log order and the worker's
 * checkpoint (the end of the last record it stored) never skips a record.
 *
 * <p>Bounded before anything is written: when the records not yet stored would exceed the backlog
 * limits (log bytes or records), {@link #offer} refuses and writes nothing. The records recovered
 * from the log at start are queued first, whatever the limits, and new ones are refused until the
 * worker has caught up.
 */
final class DurableQueue implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DurableQueue.class);

    private final WriteAheadLog log;
    private final long maxBacklogBytes;
    private final int maxBacklogRecords;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    /** Guarded by lock. */
    private final ArrayDeque<LoggedRecord> queue;
    private long storedPosition;
    private int unstoredRecords;
    private boolean closed;

    DurableQueue(WriteAheadLog log, List<LoggedRecord> recovered, CollectorConfig config) {
        this.log = log;
        this.maxBacklogBytes = config.maxBacklogBytes();
        this.maxBacklogRecords = config.maxBacklogRecords();
        this.queue = new ArrayDeque<>(recovered);
        this.unstoredRecords = recovered.size();
        this.storedPosition = recovered.isEmpty() ? log.end() : recovered.get(0).position();
    }

    /**
     * Appends and queues a record, and in {@link SyncMode#FSYNC} mode waits for its fsync.
     *
     * @return why it was refused: {@link RejectReason#BACKLOG_FULL} (nothing written) or
     *         {@link RejectReason#UNAVAILABLE} (the log cannot be written, or the queue is closed)
     */
    Optional<RejectReason> offer(WalRecord record) throws InterruptedException {
        ByteBuffer frame = record.frame();
        long end;
        lock.lock();
        try {
            if (closed) {
                return Optional.of(RejectReason.UNAVAILABLE);
            }
            if (log.end() - storedPosition + frame.remaining() > maxBacklogBytes || unstoredRecords >= maxBacklogRecords) {
                return Optional.of(RejectReason.BACKLOG_FULL);
            }
            long position = log.append(frame);
            end = position + frame.limit();
            queue.addLast(new LoggedRecord(position, end, record));
            unstoredRecords++;
            notEmpty.signal();
        } catch (IOException e) {
            LOG.error("cannot append to the write-ahead log", e);
            return Optional.of(RejectReason.UNAVAILABLE);
        } finally {
            lock.unlock();
        }
        try {
            log.awaitDurable(end);
        } catch (IOException e) {
            // The record may still be stored (it is in the page cache and queued); the client may send it again.
            return Optional.of(RejectReason.UNAVAILABLE);
        }
        return Optional.empty();
    }

    /**
     * Takes up to {@code max} records in log order, waiting up to {@code timeout} for the first.
     *
     * @return an empty list if none arrived in time, or the queue is closed and drained
     */
    List<LoggedRecord> take(int max, long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (queue.isEmpty()) {
                if (nanos <= 0 || closed) {
                    return List.of();
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            List<LoggedRecord> batch = new ArrayList<>(Math.min(max, queue.size()));
            while (batch.size() < max && !queue.isEmpty()) {
                batch.add(queue.pollFirst());
            }
            return batch;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The worker stored {@code records} more records, everything before {@code position}: frees their
     * backlog and deletes the log segments that are wholly stored.
     */
    void stored(long position, int records) {
        lock.lock();
        try {
            storedPosition = position;
            unstoredRecords -= records;
        } finally {
            lock.unlock();
        }
        log.deleteBefore(position);
    }

    /** Log bytes accepted and not yet stored. */
    long backlogBytes() {
        lock.lock();
        try {
            return log.end() - storedPosition;
        } finally {
            lock.unlock();
        }
    }

    /** Records accepted and not yet stored. */
    int backlogRecords() {
        lock.lock();
        try {
            return unstoredRecords;
        } finally {
            lock.unlock();
        }
    }

    int segmentCount() {
        return log.segmentCount();
    }

    /** Refuses new records from now on; the worker still drains what is queued. */
    void closeForOffers() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() throws IOException {
        closeForOffers();
        log.close();
    }
}
