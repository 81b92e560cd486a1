package org.secheaders.domain.nonce;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SecurityNonceTest {

    /** CSP3 base64-value: ( ALPHA / DIGIT / "+" / "/" / "-" / "_" )+ with at most two "=". */
    private static final String CSP_NONCE_GRAMMAR = "[A-Za-z0-9+/_-]+={0,2}";

    @Property(tries = 1000)
    void everyNonceOfABurstIsDistinctStandardBase64OfEighteenBytes(@ForAll @IntRange(min = 1, max = 64) int responses) {
        Set<String> burst = new HashSet<>();
        for (int i = 0; i < responses; i++) {
            String value = SecurityNonce.generate().value();

            assertEquals(SecurityNonce.LENGTH, value.length());
            assertTrue(value.matches(CSP_NONCE_GRAMMAR), value);
            byte[] decoded = assertDoesNotThrow(() -> Base64.getDecoder().decode(value));
            assertEquals(SecurityNonce.BYTES, decoded.length);
            assertTrue(decoded.length >= 16, "at least 128 bits");
            assertTrue(burst.add(value), "repeated within a burst");
        }
    }

    @Test
    void aMillionNoncesNeverRepeat() {
        int draws = 1_000_000;
        Set<String> seen = new HashSet<>(draws * 2);
        for (int i = 0; i < draws; i++) {
            assertTrue(seen.add(SecurityNonce.generate().value()), "repeated after " + i + " draws");
        }
    }

    @Test
    void toStringNeverRevealsTheValue() {
        SecurityNonce nonce = SecurityNonce.generate();

        assertFalse(nonce.toString().contains(nonce.value()));
        assertFalse(String.valueOf(nonce).contains(nonce.value()));
        assertEquals("SecurityNonce[redacted]", nonce.toString());
    }

    @Test
    void equalityFollowsTheValue() {
        SecurityNonce nonce = SecurityNonce.generate();

        assertEquals(nonce, nonce);
        assertFalse(nonce.equals(SecurityNonce.generate()));
        assertEquals(nonce.value().hashCode(), nonce.hashCode());
    }
}
