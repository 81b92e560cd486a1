package org.secheaders.platform.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a token: what is stored and compared instead of the token. A database-backed
 * authenticator stores {@link #hex()} and looks tokens up by it.
 */
public record TokenDigest(byte[] bytes) {

    public TokenDigest {
        if (bytes.length != 32) {
            throw new IllegalArgumentException("a SHA-256 digest has 32 bytes, got " + bytes.length);
        }
        bytes = bytes.clone();
    }

    public static TokenDigest of(String token) {
        try {
            return new TokenDigest(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /** Constant-time comparison, so response timing does not reveal how much of a digest matched. */
    public boolean matches(TokenDigest other) {
        return MessageDigest.isEqual(bytes, other.bytes);
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenDigest other && matches(other);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "TokenDigest[" + hex().substring(0, 8) + "…]";
    }
}
