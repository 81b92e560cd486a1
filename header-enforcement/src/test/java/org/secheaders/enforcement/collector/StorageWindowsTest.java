package org.secheaders.enforcement.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StorageWindowsTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private final StorageWindows windows = new StorageWindows(Duration.ofSeconds(10), 2);

    @Test
    void aWindowCoversTenSecondsFromItsStartForItsTenantAndKey() {
        windows.opened(new WindowId(1, "k", T0));

        assertEquals(Optional.of(T0), windows.storedWindow(1, "k", T0.plusSeconds(9)));
        assertEquals(Optional.empty(), windows.storedWindow(1, "k", T0.plusSeconds(10)));
        assertEquals(Optional.empty(), windows.storedWindow(1, "k", T0.minusMillis(1)));
        assertEquals(Optional.empty(), windows.storedWindow(2, "k", T0.plusSeconds(1)));
        assertEquals(Optional.empty(), windows.storedWindow(1, "other", T0.plusSeconds(1)));
    }

    @Test
    void expiredWindowsAreForgottenAndTheMapStaysBounded() {
        windows.opened(new WindowId(1, "a", T0));
        windows.opened(new WindowId(1, "b", T0.plusSeconds(5)));
        windows.expire(T0.plusSeconds(10));
        assertEquals(1, windows.size());

        windows.opened(new WindowId(1, "c", T0.plusSeconds(6)));
        windows.opened(new WindowId(1, "d", T0.plusSeconds(7)));

        assertEquals(2, windows.size());
        assertEquals(Optional.empty(), windows.storedWindow(1, "b", T0.plusSeconds(8)), "the eldest was evicted");
    }
}
