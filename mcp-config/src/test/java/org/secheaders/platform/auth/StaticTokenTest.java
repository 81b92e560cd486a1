package org.secheaders.platform.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.secheaders.domain.model.Role;

class StaticTokenTest {

    private static final String SECRET = "0123456789abcdef0123";

    @Test
    void parsesRoleTenantAndSecret() {
        StaticToken token = StaticToken.parse("tenant_admin@42:" + SECRET);

        assertEquals(Role.TENANT_ADMIN, token.identity().role());
        assertEquals(Optional.of(42L), token.identity().tenantId());
        assertEquals(TokenDigest.of(SECRET), token.digest());
        assertEquals("token:tenant_admin@42:" + TokenDigest.of(SECRET).hex().substring(0, 8), token.identity().subject());
    }

    @Test
    void theSecretMayContainColons() {
        assertEquals(TokenDigest.of("a:b:c:d:e:f:g:h:i:j"), StaticToken.parse("admin:a:b:c:d:e:f:g:h:i:j").digest());
    }

    @Test
    void rejectsBadSpecsWithoutRepeatingTheSecret() {
        assertEquals("expected <role>[@<tenant>]:<secret>", message("justasecretwithoutrole"));
        assertEquals("secret is shorter than 16 characters", message("admin:short"));
        assertEquals("tenant 'x' is not a positive number", message("tenant_admin@x:" + SECRET));
        assertEquals("role tenant_admin needs a tenant id", message("tenant_admin:" + SECRET));
        assertFalse(message("root:" + SECRET).contains(SECRET));
    }

    @Test
    void digestIsSha256() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", TokenDigest.of("abc").hex());
    }

    @Test
    void authenticatorFindsTheOwnerOfAToken() {
        StaticToken admin = StaticToken.parse("admin:" + SECRET);
        StaticToken analyst = StaticToken.parse("security_analyst:" + SECRET + "x");
        InMemoryTokenAuthenticator authenticator = new InMemoryTokenAuthenticator(List.of(admin, analyst));

        assertEquals(Optional.of(analyst.identity()), authenticator.authenticate(SECRET + "x"));
        assertEquals(Optional.of(admin.identity()), authenticator.authenticate(SECRET));
        assertEquals(Optional.empty(), authenticator.authenticate(SECRET.substring(1)));
    }

    @Test
    void aSecretCannotBelongToTwoIdentities() {
        List<StaticToken> tokens = List.of(StaticToken.parse("admin:" + SECRET), StaticToken.parse("manager:" + SECRET));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new InMemoryTokenAuthenticator(tokens));
        assertEquals("token #2 repeats the secret of token #1", e.getMessage());
    }

    @Test
    void toStringShowsTheOwnerOnly() {
        assertFalse(StaticToken.parse("admin:" + SECRET).toString().contains(SECRET));
    }

    private static String message(String spec) {
        return assertThrows(IllegalArgumentException.class, () -> StaticToken.parse(spec)).getMessage();
    }
}
