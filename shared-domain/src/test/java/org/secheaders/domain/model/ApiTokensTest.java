package org.secheaders.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiTokensTest {

    @Test
    void generatesAPrefixedUrlSafeSecretOf256Bits() {
        ApiTokens.NewSecret secret = ApiTokens.generate();

        assertTrue(secret.secret().startsWith("shm_"), secret.secret());
        String random = secret.secret().substring(4);
        assertTrue(random.matches("[A-Za-z0-9_-]+"), random);
        assertEquals(32, Base64.getUrlDecoder().decode(random).length);
        assertEquals(secret.secret().substring(0, 12), secret.displayPrefix());
        assertEquals(ApiTokens.hash(secret.secret()), secret.hash());
        assertNotEquals(secret.secret(), ApiTokens.generate().secret());
        assertTrue(!secret.toString().contains(secret.secret()), "the secret never appears in logs");
    }

    @Test
    void hashIsLowerCaseHexSha256() {
        // SHA-256("abc"), FIPS 180-2 test vector.
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ApiTokens.hash("abc"));
        assertThrows(IllegalArgumentException.class, () -> ApiTokens.hash(""));
    }

    @Test
    void draftRefusesASecretInPlaceOfItsHashAndATenantAdminWithoutTenant() {
        ApiTokens.NewSecret secret = ApiTokens.generate();

        assertThrows(IllegalArgumentException.class, () -> new ApiToken.Draft("t", secret.secret(),
                secret.displayPrefix(), Role.ADMIN, Optional.empty(), Optional.empty()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ApiToken.Draft("t",
                secret.hash(), secret.displayPrefix(), Role.TENANT_ADMIN, Optional.empty(), Optional.empty()));
        assertTrue(e.getMessage().contains("tenant_admin"), e.getMessage());
    }
}
