package org.secheaders.enforcement.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableQueueTest {
    @TempDir
    Path dir;

    @Test
    void recordsComeOutInLogOrderAndStoringThemFreesTheBacklog() throws Exception {
        try (DurableQueue queue = queue(CollectorConfig.builder(dir).build())) {
            for (int i = 0; i < 3; i++) {
                assertEquals(Optional.empty(), queue.offer(WriteAheadLogTest.record(i)));
            }
            assertEquals(3, queue.backlogRecords());

            List<LoggedRecord> batch = queue.take(2, 1, TimeUnit.SECONDS);

            assertEquals(2, batch.size());
            assertEquals(batch.get(0).end(), batch.get(1).position());
            queue.stored(batch.get(1).end(), 2);
            assertEquals(1, queue.backlogRecords());
            assertEquals(queue.take(5, 1, TimeUnit.SECONDS).get(0).end() - batch.get(1).end(), queue.backlogBytes());
        }
    }

    @Test
    void aFullBacklogRefusesBeforeWritingAnything() throws Exception {
        try (DurableQueue queue = queue(CollectorConfig.builder(dir).maxBacklogRecords(2).build())) {
            queue.offer(WriteAheadLogTest.record(0));
            queue.offer(WriteAheadLogTest.record(1));
            long backlog = queue.backlogBytes();

            assertEquals(Optional.of(RejectReason.BACKLOG_FULL), queue.offer(WriteAheadLogTest.record(2)));
            assertEquals(backlog, queue.backlogBytes());

            List<LoggedRecord> batch = queue.take(2, 1, TimeUnit.SECONDS);
            queue.stored(batch.get(1).end(), 2);
            assertEquals(Optional.empty(), queue.offer(WriteAheadLogTest.record(2)));
        }
    }

    @Test
    void aFullByteBacklogRefusesToo() throws Exception {
        long oneRecord = WriteAheadLogTest.record(0).frame().remaining();
        CollectorConfig config = CollectorConfig.builder(dir).maxBodyBytes(1000)
                .maxBacklogBytes(WalRecord.maxFrameBytes(1000)).build();
        try (DurableQueue queue = queue(config)) {
            int accepted = 0;
            while (queue.offer(WriteAheadLogTest.record(accepted)).isEmpty()) {
                accepted++;
            }
            assertEquals(WalRecord.maxFrameBytes(1000) / oneRecord, accepted);
        }
    }

    @Test
    void afterClosingForOffersTheQueueRefusesButStillHandsOutWhatItHolds() throws Exception {
        try (DurableQueue queue = queue(CollectorConfig.builder(dir).build())) {
            queue.offer(WriteAheadLogTest.record(0));
            queue.closeForOffers();

            assertEquals(Optional.of(RejectReason.UNAVAILABLE), queue.offer(WriteAheadLogTest.record(1)));
            assertEquals(1, queue.take(10, 1, TimeUnit.SECONDS).size());
            assertEquals(List.of(), queue.take(10, 1, TimeUnit.SECONDS), "closed and drained: no waiting");
        }
    }

    @Test
    void recordsRecoveredFromTheLogAreHandedOutFirst() throws Exception {
        CollectorConfig config = CollectorConfig.builder(dir).build();
        try (DurableQueue queue = queue(config)) {
            queue.offer(WriteAheadLogTest.record(0));
            queue.offer(WriteAheadLogTest.record(1));
        }
        WriteAheadLog.Opened opened = WriteAheadLog.open(config, 0);
        try (DurableQueue queue = new DurableQueue(opened.log(), opened.unstored(), config)) {
            queue.offer(WriteAheadLogTest.record(2));

            List<LoggedRecord> all = queue.take(10, 1, TimeUnit.SECONDS);

            assertEquals(List.of(0L, 1L, 2L), all.stream().map(r -> r.record().clientHash().getAsLong()).toList());
            assertEquals(3, queue.backlogRecords());
        }
    }

    private static DurableQueue queue(CollectorConfig config) throws Exception {
        WriteAheadLog.Opened opened = WriteAheadLog.open(config, 0);
        return new DurableQueue(opened.log(), opened.unstored(), config);
    }
}
