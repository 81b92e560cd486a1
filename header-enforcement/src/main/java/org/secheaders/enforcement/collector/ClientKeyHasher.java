package org.secheaders.enforcement.collector;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Hashes the sender's address before it is written to the log, with a random salt that lives only
 * in this process: the log never holds an address, and the hash counts distinct senders within a
 * dedupe window, which is all it is for.
 */
final class ClientKeyHasher {
    private final byte[] salt = new byte[16];

    ClientKeyHasher() {
        new SecureRandom().nextBytes(salt);
    }

    OptionalLong hash(Optional<String> clientKey) {
        if (clientKey.isEmpty() || clientKey.get().isBlank()) {
            return OptionalLong.empty();
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            byte[] digest = sha256.digest(clientKey.get().getBytes(StandardCharsets.UTF_8));
            return OptionalLong.of(ByteBuffer.wrap(digest).getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
