package org.secheaders.enforcement.collector;

import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.report.ClientInfo;
import org.secheaders.domain.report.ParseResult;
import org.secheaders.domain.report.ReportError;
import org.secheaders.domain.report.ReportParser;
import org.secheaders.domain.report.ReportPipeline;
import org.secheaders.domain.report.ReportTenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CSP report collector: accepts report bodies durably and fast, and stores them classified in the
 * background. {@link CspReportServlet} is its HTTP face; anything else that receives reports may call
 * {@link #submit} directly.
 *
 * <p>On the request thread {@link #submit} only validates the body (the parser alone, a few
 * microseconds), takes rate-limit tokens, and appends it to the write-ahead log; normalization, noise
 * filtering, deduplication, classification and storage run on the worker thread. A body that was
 * accepted is stored exactly once even if the process dies right after: {@link #start} replays the
 * log from the checkpoint the last committed batch recorded. See docs/COLLECTOR.md.
 */
public final class ReportCollector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReportCollector.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_STORAGE_WINDOWS = 50_000;

    private final CollectorConfig config;
    private final TenantDirectory tenants;
    private final InstantSource clock;
    private final ReportParser parser = new ReportParser();
    private final ClientKeyHasher clientKeys = new ClientKeyHasher();
    private final TenantRateLimiter rateLimiter;
    private final DurableQueue queue;
    private final CollectorMetrics metrics;
    private final ReportWorker worker;

    private ReportCollector(CollectorConfig config, TenantDirectory tenants, InstantSource clock, DurableQueue queue,
                            CollectorMetrics metrics, ReportWorker worker) {
        this.config = config;
        this.tenants = tenants;
        this.clock = clock;
        this.rateLimiter = new TenantRateLimiter(config.rateLimit(), System::nanoTime);
        this.queue = queue;
        this.metrics = metrics;
        this.worker = worker;
    }

    /**
     * Opens the write-ahead log (replaying what the last run accepted but did not store) and starts
     * the worker. The database must be migrated.
     *
     * @throws IllegalStateException if another process uses the log directory
     */
    public static ReportCollector start(CollectorConfig config, Database database, TenantDirectory tenants)
            throws IOException {
        InstantSource clock = InstantSource.system();
        ViolationStore store = new ViolationStore(database, config.collectorId(), clock);
        long checkpoint = store.checkpoint();
        WriteAheadLog.Opened opened = WriteAheadLog.open(config, checkpoint);
        DurableQueue queue = new DurableQueue(opened.log(), opened.unstored(), config);
        CollectorMetrics metrics = new CollectorMetrics(() -> new CollectorMetrics.Backlog(
                queue.backlogBytes(), queue.backlogRecords(), queue.segmentCount()));
        ReceiptClock receiptClock = new ReceiptClock();
        ReportPipeline pipeline = ReportPipeline.builder(receiptClock).dedupeWindow(config.dedupeWindow()).build();
        BatchPlanner planner = new BatchPlanner(pipeline, receiptClock, tenants,
                new StorageWindows(config.dedupeWindow(), MAX_STORAGE_WINDOWS));
        ReportWorker worker = new ReportWorker(queue, planner, store, metrics, clock, config.maxBatchRecords());
        worker.start();
        LOG.info("CSP report collector '{}' started: log {}, {} accepted bodies to store from position {}",
                config.collectorId(), config.walDirectory(), opened.unstored().size(), checkpoint);
        return new ReportCollector(config, tenants, clock, queue, metrics, worker);
    }

    /** The tenant reports may be sent for under {@code slug}; empty if unknown or not active. */
    public Optional<ReportTenant> tenant(String slug) {
        return tenants.bySlug(slug);
    }

    /**
     * Validates and accepts one request body for {@code tenant}. Never throws on any input.
     *
     * @param contentType the request's Content-Type header (parameters allowed), may be null
     * @param client      the sender's user agent and address (the address is only hashed)
     */
    public Submission submit(ReportTenant tenant, String contentType, byte[] body, ClientInfo client) {
        Optional<String> mediaType = ReportMediaType.of(contentType);
        if (mediaType.isEmpty()) {
            return refuse(RejectReason.UNSUPPORTED_MEDIA_TYPE,
                    ReportMediaType.REQUIREMENT);
        }
        if (body.length > config.maxBodyBytes()) {
            return refuse(RejectReason.PAYLOAD_TOO_LARGE, "the body is over " + config.maxBodyBytes() + " bytes");
        }
        ParseResult parsed = parser.parse(mediaType.get(), body);
        if (parsed.isRejected()) {
            return refuse(RejectReason.MALFORMED, "malformed report: " + describe(parsed.errors()));
        }
        int reports = parsed.reports().size();
        if (reports > 0) {
            Optional<Duration> wait = rateLimiter.tryAcquire(tenant.id(), reports);
            if (wait.isPresent()) {
                return refuse(Submission.Rejected.retryLater(RejectReason.RATE_LIMITED, "rate limit of "
                        + config.rateLimit().reportsPerSecond() + " reports/s exceeded", wait.get()));
            }
            WalRecord record = new WalRecord(tenant.id(), clock.instant(), clientKeys.hash(client.clientKey()),
                    mediaType.get(), client.userAgent(), body);
            Optional<RejectReason> refused = offer(record);
            if (refused.isPresent()) {
                String message = refused.get() == RejectReason.BACKLOG_FULL
                        ? "too many reports are waiting to be stored" : "the collector cannot accept reports now";
                return refuse(Submission.Rejected.retryLater(refused.get(), message, config.backlogRetryAfter()));
            }
        }
        metrics.accepted(reports);
        return new Submission.Accepted(reports);
    }

    public CollectorMetrics metrics() {
        return metrics;
    }

    public CollectorConfig config() {
        return config;
    }

    /**
     * Stops accepting (503), stores what is queued (for up to 30 s; the rest stays in the log for the
     * next start) and closes the log.
     */
    @Override
    public void close() {
        queue.closeForOffers();
        try {
            if (!worker.stop(STOP_TIMEOUT)) {
                LOG.warn("CSP report collector '{}' stopped with reports not yet stored; they are replayed at the "
                        + "next start", config.collectorId());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            queue.close();
        } catch (IOException e) {
            LOG.warn("closing the write-ahead log failed: {}", e.toString());
        }
    }

    /** Counts a refusal the servlet decided before calling {@link #submit}. */
    Submission.Rejected refuse(RejectReason reason, String message) {
        return refuse(Submission.Rejected.of(reason, message));
    }

    /** Counts a refusal the servlet decided before calling {@link #submit}. */
    Submission.Rejected refuse(Submission.Rejected rejection) {
        metrics.rejected(rejection.reason());
        return rejection;
    }

    private Optional<RejectReason> offer(WalRecord record) {
        try {
            return queue.offer(record);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(RejectReason.UNAVAILABLE);
        }
    }

    private static String describe(List<ReportError> errors) {
        String first = errors.get(0).toString();
        return errors.size() == 1 ? first : first + " (and " + (errors.size() - 1) + " more)";
    }
}
