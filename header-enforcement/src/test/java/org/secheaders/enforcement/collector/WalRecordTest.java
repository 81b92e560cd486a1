package org.secheaders.enforcement.collector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class WalRecordTest {

    @Test
    void aFrameDecodesToTheSameRecord() {
        WalRecord record = new WalRecord(42, Instant.parse("2026-03-01T10:15:30.123456789Z"), OptionalLong.of(-7),
                "application/reports+json", Optional.of("Mozilla/5.0 Ünïcode"), SampleReports.batchWithDeprecation());

        WalRecord decoded = WalRecord.decode(payload(record.frame()));

        assertEquals(42, decoded.tenantId());
        assertEquals(Instant.parse("2026-03-01T10:15:30.123456Z"), decoded.receivedAt(), "kept to the microsecond");
        assertEquals(OptionalLong.of(-7), decoded.clientHash());
        assertEquals("application/reports+json", decoded.mediaType());
        assertEquals(Optional.of("Mozilla/5.0 Ünïcode"), decoded.userAgent());
        assertArrayEquals(record.body(), decoded.body());
    }

    @Test
    void absentClientAndUserAgentStayAbsent() {
        WalRecord record = new WalRecord(1, Instant.EPOCH, OptionalLong.empty(), "application/json", Optional.empty(),
                new byte[] {'[', ']'});

        WalRecord decoded = WalRecord.decode(payload(record.frame()));

        assertEquals(OptionalLong.empty(), decoded.clientHash());
        assertEquals(Optional.empty(), decoded.userAgent());
    }

    @Test
    void theChecksumCatchesAnyFlippedByte() {
        ByteBuffer frame = new WalRecord(1, Instant.EPOCH, OptionalLong.empty(), "application/csp-report",
                Optional.empty(), SampleReports.legacyInjection("/")).frame();
        int checksum = frame.getInt(4);
        byte[] payload = payload(frame);
        assertTrue(WalRecord.intact(payload, checksum));

        for (int i = 0; i < payload.length; i += 7) {
            byte[] damaged = Arrays.copyOf(payload, payload.length);
            damaged[i] ^= 0x10;
            assertFalse(WalRecord.intact(damaged, checksum), "flipped byte " + i);
        }
    }

    @Test
    void longUserAgentsAreCutWithoutSplittingASurrogatePair() {
        String agent = "a".repeat(WalRecord.MAX_USER_AGENT_CHARS - 1) + "😀tail";

        WalRecord record = new WalRecord(1, Instant.EPOCH, OptionalLong.empty(), "application/json", Optional.of(agent),
                new byte[1]);

        assertEquals("a".repeat(WalRecord.MAX_USER_AGENT_CHARS - 1), record.userAgent().orElseThrow());
        assertTrue(record.frame().remaining() <= WalRecord.maxFrameBytes(1));
    }

    private static byte[] payload(ByteBuffer frame) {
        byte[] payload = new byte[frame.getInt(0)];
        frame.position(WalRecord.FRAME_HEADER_BYTES);
        frame.get(payload);
        return payload;
    }
}
