package org.secheaders.enforcement.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ClientKeyHasherTest {

    @Test
    void theSameAddressHashesAlikeInOneProcessAndDifferentlyUnderAnotherSalt() {
        ClientKeyHasher hasher = new ClientKeyHasher();

        OptionalLong first = hasher.hash(Optional.of("203.0.113.7"));

        assertEquals(first, hasher.hash(Optional.of("203.0.113.7")));
        assertNotEquals(first, hasher.hash(Optional.of("203.0.113.8")));
        assertNotEquals(first, new ClientKeyHasher().hash(Optional.of("203.0.113.7")));
        assertEquals(OptionalLong.empty(), hasher.hash(Optional.empty()));
        assertEquals(OptionalLong.empty(), hasher.hash(Optional.of(" ")));
    }
}
