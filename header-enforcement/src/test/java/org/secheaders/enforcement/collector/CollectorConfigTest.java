package org.secheaders.enforcement.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CollectorConfigTest {
    private static final Path DIR = Path.of("wal");

    @Test
    void defaultsFollowTheDesign() {
        CollectorConfig config = CollectorConfig.builder(DIR).build();

        assertEquals(64 * 1024, config.maxBodyBytes());
        assertEquals(new RateLimit(100, 500), config.rateLimit());
        assertEquals(SyncMode.PAGE_CACHE, config.syncMode());
        assertEquals(Duration.ofSeconds(10), config.dedupeWindow());
        assertEquals("default", config.collectorId());
    }

    @Test
    void invalidSettingsFailWhenBuiltNamingTheSetting() {
        assertMessage("collectorId 'Bad Id'", CollectorConfig.builder(DIR).collectorId("Bad Id"));
        assertMessage("maxBodyBytes must be 1..1048576", CollectorConfig.builder(DIR).maxBodyBytes(2 << 20));
        assertMessage("maxBacklogBytes 1000 is below one record", CollectorConfig.builder(DIR).maxBacklogBytes(1000));
        assertMessage("segmentBytes 1000 is below one record", CollectorConfig.builder(DIR).segmentBytes(1000));
        assertMessage("maxBatchRecords must be positive", CollectorConfig.builder(DIR).maxBatchRecords(0));
        assertMessage("fsyncInterval must be positive", CollectorConfig.builder(DIR).fsyncInterval(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new RateLimit(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new RateLimit(10, 0));
    }

    private static void assertMessage(String start, CollectorConfig.Builder builder) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        assertEquals(true, e.getMessage().startsWith(start), e.getMessage());
    }
}
