package org.secheaders.domain.report;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Hashes client keys with a random per-process salt: enough to count distinct clients in a dedupe window,
 * useless for recovering or correlating an address across processes.
 */
final class ClientHasher {
    private final byte[] salt = new byte[16];

    ClientHasher() {
        new SecureRandom().nextBytes(salt);
    }

    OptionalLong hash(Optional<String> clientKey) {
        return clientKey.filter(k -> !k.isBlank())
                .map(k -> OptionalLong.of(ByteBuffer.wrap(Sha256.digest(salt, k)).getLong()))
                .orElse(OptionalLong.empty());
    }
}
