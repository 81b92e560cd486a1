package org.secheaders.domain.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 over UTF-8 text, for the policy hash, dedupe keys and client hashes. */
final class Sha256 {
    private Sha256() {
    }

    static byte[] digest(byte[] prefix, String text) {
        MessageDigest digest = newDigest();
        digest.update(prefix);
        return digest.digest(text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] digest(String text) {
        return newDigest().digest(text.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required on every Java platform", e);
        }
    }
}
