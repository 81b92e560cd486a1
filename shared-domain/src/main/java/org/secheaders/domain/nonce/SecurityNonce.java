package org.secheaders.domain.nonce;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A per-response CSP nonce: {@value #BYTES} random bytes (144 bits, above CSP3's 128-bit floor)
 * from one shared {@link SecureRandom}, encoded as standard base64. 18 bytes encode to exactly
 * {@value #LENGTH} characters with no {@code =} padding, all inside the CSP {@code base64-value}
 * grammar and safe in an HTML attribute.
 *
 * <p>The value is a secret until the response is sent: {@link #toString()} never shows it, so a
 * nonce that reaches a log line or an exception message leaks nothing. Read it with {@link #value()}.
 *
 * <p>Generation is one {@code nextBytes} call and one encode, on the request hot path.
 * {@code SecureRandom} is thread-safe; the JDK default on Linux (NativePRNG) reads the
 * non-blocking {@code /dev/urandom}.
 */
public final class SecurityNonce {
    /** Random bytes per nonce. */
    public static final int BYTES = 18;
    /** Length of {@link #value()}: base64 of {@value #BYTES} bytes. */
    public static final int LENGTH = 24;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private final String value;

    private SecurityNonce(String value) {
        this.value = value;
    }

    /** A fresh nonce; call once per response and use it for every header and tag of that response. */
    public static SecurityNonce generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return new SecurityNonce(BASE64.encodeToString(bytes));
    }

    /** The base64 value, for the CSP source {@code 'nonce-<value>'} and the HTML {@code nonce} attribute. */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecurityNonce nonce && nonce.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Never the value: nonces must not be logged. */
    @Override
    public String toString() {
        return "SecurityNonce[redacted]";
    }
}
