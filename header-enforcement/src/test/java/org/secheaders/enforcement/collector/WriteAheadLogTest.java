package org.secheaders.enforcement.collector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteAheadLogTest {
    @TempDir
    Path dir;

    @Test
    void reopeningReplaysTheRecordsFromTheCheckpoint() throws Exception {
        List<Long> positions = new ArrayList<>();
        try (WriteAheadLog log = open(config(), 0).log()) {
            for (int i = 0; i < 3; i++) {
                positions.add(log.append(record(i).frame()));
            }
        }

        WriteAheadLog.Opened reopened = open(config(), positions.get(1));
        try (WriteAheadLog log = reopened.log()) {
            assertEquals(positions.subList(1, 3), reopened.unstored().stream().map(LoggedRecord::position).toList());
            assertArrayEquals(record(2).body(), reopened.unstored().get(1).record().body());
            assertEquals(log.end(), reopened.unstored().get(1).end());
        }
    }

    @Test
    void aTornLastRecordIsCutOffAndAppendsContinueAfterTheLastGoodOne() throws Exception {
        long end;
        try (WriteAheadLog log = open(config(), 0).log()) {
            log.append(record(0).frame());
            log.append(record(1).frame());
            end = log.end();
        }
        // A write the process died in: the header promises more bytes than made it to the file.
        Files.write(segments().get(0), ByteBuffer.allocate(12).putInt(5000).putInt(0).array(), StandardOpenOption.APPEND);

        WriteAheadLog.Opened reopened = open(config(), 0);
        try (WriteAheadLog log = reopened.log()) {
            assertEquals(2, reopened.unstored().size());
            assertEquals(end, Files.size(segments().get(0)));
            assertEquals(end, log.append(record(2).frame()));
        }
    }

    @Test
    void aGarbledRecordEndsTheReplayAtTheLastGoodOne() throws Exception {
        long second;
        try (WriteAheadLog log = open(config(), 0).log()) {
            log.append(record(0).frame());
            second = log.append(record(1).frame());
        }
        try (var channel = java.nio.channels.FileChannel.open(segments().get(0), StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {0x55}), second + 40);
        }

        WriteAheadLog.Opened reopened = open(config(), 0);
        try (WriteAheadLog log = reopened.log()) {
            assertEquals(1, reopened.unstored().size());
            assertEquals(second, log.end());
        }
    }

    @Test
    void segmentsRollAndThoseWhollyBeforeTheCheckpointAreDeleted() throws Exception {
        CollectorConfig small = CollectorConfig.builder(dir).maxBodyBytes(1500).segmentBytes(3200).build();
        List<Long> positions = new ArrayList<>();
        try (WriteAheadLog log = open(small, 0).log()) {
            for (int i = 0; i < 6; i++) {
                positions.add(log.append(largeRecord(i).frame()));
            }
            assertEquals(3, segments().size(), "two 1.4 kB records per 3.2 kB segment");
            assertEquals(3, log.segmentCount());

            log.deleteBefore(positions.get(3));

            assertEquals(2, segments().size(), "the first segment lies wholly before the checkpoint");
            log.deleteBefore(log.end());
            assertEquals(1, segments().size(), "the active segment always stays");
        }

        WriteAheadLog.Opened reopened = open(small, positions.get(5));
        try (WriteAheadLog log = reopened.log()) {
            assertEquals(List.of(positions.get(5)), reopened.unstored().stream().map(LoggedRecord::position).toList());
        }
    }

    @Test
    void aLogEndingBeforeTheCheckpointContinuesAtTheCheckpoint() throws Exception {
        long end;
        try (WriteAheadLog log = open(config(), 0).log()) {
            log.append(record(0).frame());
            end = log.end();
        }

        WriteAheadLog.Opened reopened = open(config(), end + 500);
        try (WriteAheadLog log = reopened.log()) {
            assertEquals(List.of(), reopened.unstored());
            assertEquals(end + 500, log.append(record(1).frame()), "positions never go back");
        }
    }

    @Test
    void aSecondCollectorCannotOpenTheSameDirectory() throws Exception {
        try (WriteAheadLog log = open(config(), 0).log()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> open(config(), 0));
            assertEquals("write-ahead log " + dir + " is in use by another collector", e.getMessage());
        }
    }

    @Test
    void inFsyncModeAnAppendBecomesDurableAfterTheGroupCommit() throws Exception {
        CollectorConfig fsync = CollectorConfig.builder(dir).maxBodyBytes(1500).segmentBytes(3200)
                .syncMode(SyncMode.FSYNC).fsyncInterval(Duration.ofMillis(1)).build();
        try (WriteAheadLog log = open(fsync, 0).log()) {
            for (int i = 0; i < 4; i++) {
                ByteBuffer frame = largeRecord(i).frame();
                long end = log.append(frame) + frame.limit();
                assertTimeoutPreemptively(Duration.ofSeconds(5), () -> log.awaitDurable(end));
            }
            assertEquals(2, segments().size(), "rolled, forcing the closed segment");
        }
        assertEquals(4, open(config(), 0).unstored().size());
    }

    private CollectorConfig config() {
        return CollectorConfig.builder(dir).build();
    }

    private static WriteAheadLog.Opened open(CollectorConfig config, long checkpoint) throws Exception {
        return WriteAheadLog.open(config, checkpoint);
    }

    private List<Path> segments() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".wal")).sorted().toList();
        }
    }

    static WalRecord record(int n) {
        return new WalRecord(7, Instant.parse("2026-03-01T10:00:00Z").plusMillis(n), OptionalLong.of(n),
                "application/csp-report", Optional.of("agent " + n), SampleReports.legacyInjection("/page/" + n));
    }

    private static WalRecord largeRecord(int n) {
        return new WalRecord(7, Instant.EPOCH, OptionalLong.empty(), "application/json", Optional.empty(),
                ("[" + " ".repeat(1300) + n + "]").getBytes());
    }
}
