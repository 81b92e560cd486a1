package org.secheaders.domain.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Generates API token secrets and hashes them. A secret is {@value #SECRET_PREFIX} followed by
 * 256 random bits in url-safe base64; the prefix makes leaked tokens recognisable to secret
 * scanners. Lookups go by the SHA-256 of the secret: a fast hash is enough because the secret
 * has full entropy, unlike a password.
 */
public final class ApiTokens {
    public static final String SECRET_PREFIX = "shm_";
    /** Characters of the secret kept for display: the prefix and 8 random characters. */
    public static final int DISPLAY_PREFIX_LENGTH = SECRET_PREFIX.length() + 8;

    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokens() {
    }

    /** A freshly generated secret with its hash and display prefix. */
    public record NewSecret(String secret, String hash, String displayPrefix) {
        @Override
        public String toString() {
            return "NewSecret[displayPrefix=" + displayPrefix + "]";
        }
    }

    public static NewSecret generate() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new NewSecret(secret, hash(secret), secret.substring(0, DISPLAY_PREFIX_LENGTH));
    }

    /** Lower-case hex SHA-256 of the secret, the form stored in {@code api_tokens.token_hash}. */
    public static String hash(String secret) {
        Values.requireText(secret, "token");
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
