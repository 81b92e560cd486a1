package org.secheaders.enforcement.collector;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background thread between the queue and the database: takes batches in log order, plans them
 * ({@link BatchPlanner}), commits each in one transaction ({@link ViolationStore}) and then frees the
 * log up to the batch's end. A failed step (a tenant lookup or the commit, e.g. while the database is
 * down) is retried with backoff until it succeeds, so an outage only grows the backlog (and, past its
 * limit, turns new reports away with 503); nothing accepted is skipped.
 */
final class ReportWorker {
    private static final Logger LOG = LoggerFactory.getLogger(ReportWorker.class);
    private static final long POLL_MILLIS = 200;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final DurableQueue queue;
    private final BatchPlanner planner;
    private final ViolationStore store;
    private final CollectorMetrics metrics;
    private final InstantSource clock;
    private final int maxBatchRecords;
    private final Thread thread;
    private volatile boolean stopping;

    ReportWorker(DurableQueue queue, BatchPlanner planner, ViolationStore store, CollectorMetrics metrics,
                 InstantSource clock, int maxBatchRecords) {
        this.queue = queue;
        this.planner = planner;
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
        this.maxBatchRecords = maxBatchRecords;
        this.thread = new Thread(this::run, "csp-collector-worker");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /**
     * Stores what is queued (the queue must be closed for offers first) and stops. Records not stored
     * within {@code timeout}, e.g. while the database is down, stay in the log for the next start.
     *
     * @return true if everything queued was stored
     */
    boolean stop(Duration timeout) throws InterruptedException {
        stopping = true;
        thread.join(timeout.toMillis());
        if (thread.isAlive()) {
            thread.interrupt();
            thread.join(TimeUnit.SECONDS.toMillis(5));
            return false;
        }
        return queue.backlogRecords() == 0;
    }

    private void run() {
        try {
            while (true) {
                List<LoggedRecord> batch = queue.take(maxBatchRecords, POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (batch.isEmpty()) {
                    if (stopping) {
                        return;
                    }
                    continue;
                }
                process(batch);
            }
        } catch (InterruptedException e) {
            LOG.warn("report worker interrupted; unstored reports stay in the write-ahead log");
        } catch (RuntimeException | Error e) {
            LOG.error("report worker failed; accepted reports stay in the write-ahead log until the next start", e);
            throw e;
        }
    }

    private void process(List<LoggedRecord> batch) throws InterruptedException {
        Backoff backoff = new Backoff();
        BatchPlan plan = retrying(backoff, "processing", batch.size(), () -> planner.plan(batch), planner::discard);
        int inserted = retrying(backoff, "storing", batch.size(), () -> store.commit(plan), () -> { });
        planner.committed(plan);
        queue.stored(plan.checkpoint(), batch.size());
        Instant now = clock.instant();
        metrics.stored(inserted, plan.reports(), plan.counts());
        for (Instant receipt : plan.receipts()) {
            metrics.lag(Duration.between(receipt, now).toNanos() / 1_000);
        }
    }

    /** Runs {@code step} until it succeeds (a database outage only delays it), undoing a failed attempt. */
    private <T> T retrying(Backoff backoff, String what, int records, Supplier<T> step, Runnable undo)
            throws InterruptedException {
        while (true) {
            try {
                return step.get();
            } catch (RuntimeException e) {
                undo.run();
                metrics.storeFailed();
                LOG.warn("{} a batch of {} accepted bodies failed, retrying in {} ms: {}", what, records,
                        backoff.next().toMillis(), e.toString());
                backoff.pause();
            }
        }
    }

    /** Doubling pauses from 50 ms up to 5 s. */
    private static final class Backoff {
        private Duration next = FIRST_BACKOFF;

        Duration next() {
            return next;
        }

        void pause() throws InterruptedException {
            TimeUnit.MILLISECONDS.sleep(next.toMillis());
            next = next.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : next.multipliedBy(2);
        }
    }
}
