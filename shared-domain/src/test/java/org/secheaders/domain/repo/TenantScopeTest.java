package org.secheaders.domain.repo;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TenantScopeTest {

    @Test
    void aTenantScopePermitsOnlyItsTenant() {
        TenantScope scope = TenantScope.tenant(7);

        assertTrue(scope.permits(7));
        assertFalse(scope.permits(8));
        assertDoesNotThrow(() -> scope.requireAccess(7));
        assertThrows(TenantAccessDeniedException.class, () -> scope.requireAccess(8));
        assertThrows(TenantAccessDeniedException.class, () -> scope.requireAccess(Optional.empty()),
                "platform-wide rows need the platform scope");
    }

    @Test
    void thePlatformScopePermitsEveryTenantAndPlatformRows() {
        TenantScope scope = TenantScope.platform();

        assertTrue(scope.permits(7));
        assertDoesNotThrow(() -> scope.requireAccess(Optional.empty()));
        assertDoesNotThrow(() -> scope.requireAccess(Optional.of(8L)));
    }

    @Test
    void tenantIdsArePositive() {
        assertThrows(IllegalArgumentException.class, () -> TenantScope.tenant(0));
    }
}
