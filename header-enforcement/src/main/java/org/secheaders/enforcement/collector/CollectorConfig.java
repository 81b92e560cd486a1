package org.secheaders.enforcement.collector;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Settings of one collector, validated when built. Build with {@link #builder(Path)}; every setting
 * but the log directory has a default.
 *
 * @param walDirectory      the write-ahead log of this collector; one process at a time (it is locked)
 * @param collectorId       names this log's checkpoint row; give each log directory its own id
 * @param maxBodyBytes      larger bodies get 413
 * @param rateLimit         per-tenant token bucket; an empty bucket gets 429
 * @param maxBacklogBytes   log bytes accepted but not yet stored; beyond it new reports get 503
 * @param maxBacklogRecords bodies accepted but not yet stored; beyond it new reports get 503
 * @param backlogRetryAfter the Retry-After of a 503
 * @param syncMode          when a report counts as durable (page cache or fsync)
 * @param fsyncInterval     group-commit period in {@link SyncMode#FSYNC} mode
 * @param segmentBytes      the log rolls to a new file beyond this size; stored files are deleted
 * @param maxBatchRecords   bodies stored per database transaction at most
 * @param dedupeWindow      identical reports within this time of the first are counted on its row
 */
public record CollectorConfig(
        Path walDirectory,
        String collectorId,
        int maxBodyBytes,
        RateLimit rateLimit,
        long maxBacklogBytes,
        int maxBacklogRecords,
        Duration backlogRetryAfter,
        SyncMode syncMode,
        Duration fsyncInterval,
        long segmentBytes,
        int maxBatchRecords,
        Duration dedupeWindow) {

    public static final String DEFAULT_COLLECTOR_ID = "default";
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    /** The parser's own cap (ParserLimits): a larger body limit could never be parsed. */
    static final int MAX_BODY_BYTES = 1 << 20;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");

    public CollectorConfig {
        Objects.requireNonNull(walDirectory, "walDirectory");
        Objects.requireNonNull(collectorId, "collectorId");
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(syncMode, "syncMode");
        if (!ID.matcher(collectorId).matches()) {
            throw new IllegalArgumentException("collectorId '" + collectorId
                    + "' must be 1-64 lower-case letters, digits, '_', '.' or '-'");
        }
        if (maxBodyBytes < 1 || maxBodyBytes > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("maxBodyBytes must be 1.." + MAX_BODY_BYTES + ", was " + maxBodyBytes);
        }
        long largestRecord = WalRecord.maxFrameBytes(maxBodyBytes);
        if (maxBacklogBytes < largestRecord) {
            throw new IllegalArgumentException("maxBacklogBytes " + maxBacklogBytes
                    + " is below one record of the largest body (" + largestRecord + " bytes)");
        }
        if (segmentBytes < largestRecord) {
            throw new IllegalArgumentException("segmentBytes " + segmentBytes
                    + " is below one record of the largest body (" + largestRecord + " bytes)");
        }
        requirePositive(maxBacklogRecords, "maxBacklogRecords");
        requirePositive(maxBatchRecords, "maxBatchRecords");
        requirePositive(backlogRetryAfter, "backlogRetryAfter");
        requirePositive(fsyncInterval, "fsyncInterval");
        requirePositive(dedupeWindow, "dedupeWindow");
    }

    public static Builder builder(Path walDirectory) {
        return new Builder(walDirectory);
    }

    private static void requirePositive(long value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    /** Defaults: 64 KiB bodies, 100 reports/s burst 500 per tenant, 64 MiB backlog, page-cache durability. */
    public static final class Builder {
        private final Path walDirectory;
        private String collectorId = DEFAULT_COLLECTOR_ID;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private RateLimit rateLimit = RateLimit.defaults();
        private long maxBacklogBytes = 64L << 20;
        private int maxBacklogRecords = 100_000;
        private Duration backlogRetryAfter = Duration.ofSeconds(5);
        private SyncMode syncMode = SyncMode.PAGE_CACHE;
        private Duration fsyncInterval = Duration.ofMillis(2);
        private long segmentBytes = 64L << 20;
        private int maxBatchRecords = 500;
        private Duration dedupeWindow = Duration.ofSeconds(10);

        private Builder(Path walDirectory) {
            this.walDirectory = walDirectory;
        }

        public Builder collectorId(String value) {
            collectorId = value;
            return this;
        }

        public Builder maxBodyBytes(int value) {
            maxBodyBytes = value;
            return this;
        }

        public Builder rateLimit(RateLimit value) {
            rateLimit = value;
            return this;
        }

        public Builder maxBacklogBytes(long value) {
            maxBacklogBytes = value;
            return this;
        }

        public Builder maxBacklogRecords(int value) {
            maxBacklogRecords = value;
            return this;
        }

        public Builder backlogRetryAfter(Duration value) {
            backlogRetryAfter = value;
            return this;
        }

        public Builder syncMode(SyncMode value) {
            syncMode = value;
            return this;
        }

        public Builder fsyncInterval(Duration value) {
            fsyncInterval = value;
            return this;
        }

        public Builder segmentBytes(long value) {
            segmentBytes = value;
            return this;
        }

        public Builder maxBatchRecords(int value) {
            maxBatchRecords = value;
            return this;
        }

        public Builder dedupeWindow(Duration value) {
            dedupeWindow = value;
            return this;
        }

        /** @throws IllegalArgumentException naming the first invalid setting */
        public CollectorConfig build() {
            return new CollectorConfig(walDirectory, collectorId, maxBodyBytes, rateLimit, maxBacklogBytes,
                    maxBacklogRecords, backlogRetryAfter, syncMode, fsyncInterval, segmentBytes, maxBatchRecords,
                    dedupeWindow);
        }
    }
}
