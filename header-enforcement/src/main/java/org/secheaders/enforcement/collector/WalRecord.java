package org.secheaders.enforcement.collector;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.zip.CRC32C;

/**
 * One accepted request body as the write-ahead log keeps it: what the pipeline needs to process it
 * later, in another process if need be. The body is not copied; nobody may change it.
 *
 * <p>On disk a record is a frame {@code [payload length: int][CRC32C of payload: int][payload]}; the
 * payload is {@code [version: byte][tenant id: long][received-at, epoch µs: long][has client: byte]
 * [client hash: long][media type: short length + UTF-8][user agent: short length (-1 = none) + UTF-8]
 * [body: the rest]}. The length prefix lets a reader find the next record and the checksum tells a
 * torn or garbled write from a real one.
 *
 * @param receivedAt when the collector accepted it, in whole microseconds (the database's precision,
 *                   so the stored row's created_at equals it exactly)
 * @param clientHash the sender's address hashed with a per-process salt: never the address itself
 * @param mediaType  the Content-Type without parameters, lower case
 */
record WalRecord(
        long tenantId, Instant receivedAt, OptionalLong clientHash, String mediaType, Optional<String> userAgent,
        byte[] body) {

    static final int FRAME_HEADER_BYTES = 8;
    static final int MAX_USER_AGENT_CHARS = 512;
    private static final byte VERSION = 1;
    private static final int MAX_MEDIA_TYPE_BYTES = 64;
    /** UTF-8 needs at most 4 bytes per surrogate pair, i.e. 2 per char, and 3 per char otherwise. */
    private static final int MAX_USER_AGENT_BYTES = MAX_USER_AGENT_CHARS * 3;
    private static final int FIXED_PAYLOAD_BYTES = 1 + 8 + 8 + 1 + 8 + 2 + 2;

    WalRecord {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(clientHash, "clientHash");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(body, "body");
        receivedAt = receivedAt.truncatedTo(ChronoUnit.MICROS);
        if (mediaType.getBytes(StandardCharsets.UTF_8).length > MAX_MEDIA_TYPE_BYTES) {
            throw new IllegalArgumentException("media type is longer than " + MAX_MEDIA_TYPE_BYTES + " bytes");
        }
        userAgent = userAgent.map(ua -> ua.length() <= MAX_USER_AGENT_CHARS ? ua : cut(ua));
    }

    /** The largest frame a body of {@code maxBodyBytes} can make. */
    static long maxFrameBytes(int maxBodyBytes) {
        return (long) FRAME_HEADER_BYTES + FIXED_PAYLOAD_BYTES + MAX_MEDIA_TYPE_BYTES + MAX_USER_AGENT_BYTES
                + maxBodyBytes;
    }

    /** The whole frame, ready to write. */
    ByteBuffer frame() {
        byte[] type = mediaType.getBytes(StandardCharsets.UTF_8);
        byte[] agent = userAgent.map(ua -> ua.getBytes(StandardCharsets.UTF_8)).orElse(new byte[0]);
        int payloadLength = FIXED_PAYLOAD_BYTES + type.length + agent.length + body.length;
        ByteBuffer frame = ByteBuffer.allocate(FRAME_HEADER_BYTES + payloadLength);
        frame.putInt(payloadLength).putInt(0)
                .put(VERSION)
                .putLong(tenantId)
                .putLong(ChronoUnit.MICROS.between(Instant.EPOCH, receivedAt))
                .put((byte) (clientHash.isPresent() ? 1 : 0))
                .putLong(clientHash.orElse(0))
                .putShort((short) type.length).put(type)
                .putShort((short) (userAgent.isPresent() ? agent.length : -1)).put(agent)
                .put(body);
        frame.putInt(4, checksum(frame.array(), FRAME_HEADER_BYTES, payloadLength));
        return frame.flip();
    }

    /** Whether {@code payload} has the checksum its frame header claims. */
    static boolean intact(byte[] payload, int expectedChecksum) {
        return checksum(payload, 0, payload.length) == expectedChecksum;
    }

    /**
     * Reads a payload whose checksum matched.
     *
     * @throws IllegalArgumentException if it is not a payload of this version
     */
    static WalRecord decode(byte[] payload) {
        ByteBuffer in = ByteBuffer.wrap(payload);
        try {
            byte version = in.get();
            if (version != VERSION) {
                throw new IllegalArgumentException("unknown record version " + version);
            }
            long tenantId = in.getLong();
            Instant receivedAt = Instant.EPOCH.plus(in.getLong(), ChronoUnit.MICROS);
            boolean hasClient = in.get() == 1;
            long client = in.getLong();
            String mediaType = string(in, in.getShort());
            short agentLength = in.getShort();
            Optional<String> userAgent = agentLength < 0 ? Optional.empty() : Optional.of(string(in, agentLength));
            byte[] body = new byte[in.remaining()];
            in.get(body);
            return new WalRecord(tenantId, receivedAt, hasClient ? OptionalLong.of(client) : OptionalLong.empty(),
                    mediaType, userAgent, body);
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("record payload is truncated", e);
        }
    }

    private static String string(ByteBuffer in, int length) {
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static int checksum(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    /** Never splits a surrogate pair, so the UTF-8 stays valid. */
    private static String cut(String value) {
        int end = Character.isHighSurrogate(value.charAt(MAX_USER_AGENT_CHARS - 1))
                ? MAX_USER_AGENT_CHARS - 1 : MAX_USER_AGENT_CHARS;
        return value.substring(0, end);
    }
}
