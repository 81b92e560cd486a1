package org.secheaders.platform.testkit;

import java.util.Map;
import java.util.Optional;

/** The tenant slugs the sample server resolves: {@code acme} is tenant 7 (of {@link TestTokens#TENANT_ADMIN_7}), {@code globex} 8. */
public final class SampleTenants {

    private static final Map<String, Long> IDS = Map.of("acme", 7L, "globex", 8L);

    private SampleTenants() {
    }

    public static Optional<Long> idOf(String slug) {
        return Optional.ofNullable(IDS.get(slug));
    }
}
