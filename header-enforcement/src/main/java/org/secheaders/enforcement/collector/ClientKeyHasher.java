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
    /** SHA-256 that has already read the salt; each hash works on a clone, leaving it untouched. */
    private final MessageDigest salted;

    ClientKeyHasher() {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        try {
            salted = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        salted.update(salt);
    }

    OptionalLong hash(Optional<String> clientKey) {
        if (clientKey.isEmpty() || clientKey.get().isBlank()) {
            return OptionalLong.empty();
        }
        try {
            MessageDigest digest = (MessageDigest) salted.clone();
            return OptionalLong.of(ByteBuffer.wrap(digest.digest(clientKey.get().getBytes(StandardCharsets.UTF_8)))
                    .getLong());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
    }
}
