package org.secheaders.enforcement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.secheaders.domain.csp.CspParser;
import org.secheaders.domain.csp.CspPolicy;

class DevModeTest {
    private static final DevMode VITE = DevMode.enabled(List.of("http://localhost:5173"));

    @Test
    void disabledLeavesThePolicyUntouched() {
        CspPolicy policy = parse("default-src 'self'");
        assertSame(policy, DevMode.disabled().apply(policy));
    }

    @Test
    void addsTheOriginToScriptSrcAndOriginPlusWebsocketToConnectSrc() {
        CspPolicy policy = parse("default-src 'self'; script-src 'self' 'nonce-abc'; connect-src 'self'; object-src 'none'");
        assertEquals("default-src 'self'; script-src 'self' 'nonce-abc' http://localhost:5173; "
                        + "connect-src 'self' http://localhost:5173 ws://localhost:5173; object-src 'none'",
                VITE.apply(policy).serialize());
    }

    @Test
    void seedsMissingDirectivesFromDefaultSrcAndDropsNone() {
        CspPolicy policy = parse("default-src 'none'; img-src 'self'");
        assertEquals("default-src 'none'; img-src 'self'; script-src http://localhost:5173; "
                        + "connect-src http://localhost:5173 ws://localhost:5173",
                VITE.apply(policy).serialize());
    }

    @Test
    void leavesAnUnrestrictedDirectiveAbsent() {
        assertEquals("img-src 'self'", VITE.apply(parse("img-src 'self'")).serialize());
    }

    @Test
    void httpsOriginsGetSecureWebsockets() {
        DevMode mode = DevMode.enabled(List.of("https://127.0.0.1:8443"));
        assertEquals("connect-src https://127.0.0.1:8443 wss://127.0.0.1:8443; script-src https://127.0.0.1:8443",
                mode.apply(parse("connect-src; script-src")).serialize());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://dev.example.com:5173", "ftp://localhost", "http://localhost:5173/app", "localhost:5173", "http://10.0.0.1"})
    void rejectsOriginsThatAreNotLoopbackOrigins(String origin) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DevMode.enabled(List.of(origin)));
        assertTrue(e.getMessage().contains(origin), e.getMessage());
    }

    @Test
    void needsAtLeastOneOrigin() {
        assertThrows(IllegalArgumentException.class, () -> DevMode.enabled(List.of()));
    }

    private static CspPolicy parse(String csp) {
        return CspParser.parse(csp).policy();
    }
}
