package org.secheaders.domain.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScanLimitsTest {

    @Test
    void defaultsAreFiveSecondsPerRequestFifteenPerScanFiveRedirectsAndAQuarterMebibyte() {
        assertEquals(new ScanLimits(Duration.ofSeconds(5), Duration.ofSeconds(15), 5, 262_144), ScanLimits.defaults());
    }

    @Test
    void rejectsLimitsThatCannotWorkNamingTheValue() {
        ScanLimits limits = ScanLimits.defaults();
        assertThrows(IllegalArgumentException.class, () -> limits.withRequestTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> limits.withTotalTimeout(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> limits.withMaxRedirects(-1));
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class, () -> limits.withMaxRedirects(21));
        assertTrue(tooMany.getMessage().contains("21"), tooMany.getMessage());
        assertThrows(IllegalArgumentException.class, () -> limits.withMaxBodyBytes(16 * 1024 * 1024 + 1));
    }

    @Test
    void settingsRejectAUserAgentThatWouldSplitTheRequest() {
        ScannerSettings settings = ScannerSettings.defaults();
        assertThrows(IllegalArgumentException.class, () -> settings.withUserAgent("x\r\nX-Injected: 1"));
        assertThrows(IllegalArgumentException.class, () -> settings.withUserAgent(" "));
    }

    @Test
    void aRequestRejectsAnImpossibleProbePort() {
        assertThrows(IllegalArgumentException.class, () -> ScanRequest.of("https://example.com/").withHttpProbePort(0));
        assertThrows(IllegalArgumentException.class, () -> ScanRequest.of("https://example.com/").withHttpProbePort(65_536));
    }
}
