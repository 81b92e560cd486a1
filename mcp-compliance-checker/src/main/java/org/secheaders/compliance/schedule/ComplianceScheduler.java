package org.secheaders.compliance.schedule;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.secheaders.domain.compliance.schedule.DueChecks;
import org.secheaders.domain.compliance.schedule.DueFilter;
import org.secheaders.domain.compliance.schedule.DueRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compliance server's scheduler: one daemon thread that runs {@link #tick()} at start and then
 * {@code interval} after each tick ends, so ticks never overlap. A tick that throws is logged and
 * the next one runs as planned.
 */
public final class ComplianceScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ComplianceScheduler.class);
    /** How long {@link #close()} lets a running tick finish before interrupting it. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final DueChecks dueChecks;
    private final ScheduledExecutorService executor;

    private ComplianceScheduler(DueChecks dueChecks) {
        this.dueChecks = dueChecks;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "compliance-scheduler");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs ticks until closed: the first one now. */
    public static ComplianceScheduler start(DueChecks dueChecks, Duration interval) {
        ComplianceScheduler scheduler = new ComplianceScheduler(dueChecks);
        scheduler.executor.scheduleWithFixedDelay(scheduler::tickSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("compliance scheduler started: a tick every {}", interval);
        return scheduler;
    }

    /** One pass: every due check, then the undelivered events. */
    public DueRun tick() {
        DueRun run = dueChecks.run(DueFilter.all(), DueChecks.Progress.NONE);
        if (!run.outcomes().isEmpty() || run.delivery().delivered() + run.delivery().failed() > 0) {
            LOG.info("compliance scheduler tick: {} checks, {} failed, {} regressions; webhook {} delivered, {} failed",
                    run.outcomes().size(), run.failures(), run.regressions(), run.delivery().delivered(),
                    run.delivery().failed());
        }
        return run;
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            // The database may be briefly unreachable; the next tick tries again.
            LOG.error("compliance scheduler tick failed", e);
        }
    }

    public boolean running() {
        return !executor.isShutdown();
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
        LOG.info("compliance scheduler stopped");
    }
}
