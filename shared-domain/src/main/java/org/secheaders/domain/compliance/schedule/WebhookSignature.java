package org.secheaders.domain.compliance.schedule;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook post: {@code sha256=} and the hex HMAC-SHA256, keyed with the shared
 * secret, of {@code <timestamp>.<body>}. The timestamp is signed too, so a receiver that rejects
 * old timestamps also rejects replayed posts.
 */
public final class WebhookSignature {
    public static final String SIGNATURE_HEADER = "X-Secheaders-Signature";
    public static final String TIMESTAMP_HEADER = "X-Secheaders-Timestamp";
    public static final String EVENT_ID_HEADER = "X-Secheaders-Event-Id";
    private static final String PREFIX = "sha256=";

    private WebhookSignature() {
    }

    /** @param timestamp epoch seconds, as sent in {@value #TIMESTAMP_HEADER} */
    public static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** What a receiver does: recompute and compare in constant time. */
    public static boolean verify(String secret, long timestamp, byte[] body, String signature) {
        return MessageDigest.isEqual(sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
