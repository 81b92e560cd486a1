package org.secheaders.enforcement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"acme", "a", "tenant-42", "Acme_Corp.eu", "9lives"})
    void acceptsIdentifiers(String id) {
        assertTrue(TenantKey.isValid(id));
        assertEquals(id, new TenantKey(id).id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-acme", ".hidden", "acme corp", "acme/evil", "<script>", "ä"})
    void rejectsJunk(String id) {
        assertFalse(TenantKey.isValid(id));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TenantKey(id));
        assertTrue(e.getMessage().contains("tenant id"), e.getMessage());
    }

    @Test
    void rejectsNullAndOverlongIds() {
        assertFalse(TenantKey.isValid(null));
        assertTrue(TenantKey.isValid("a".repeat(100)));
        assertFalse(TenantKey.isValid("a".repeat(101)));
    }
}
