package org.secheaders.platform.testkit;

import java.util.List;

/** Bearer tokens the sample HTTP servers accept, one per role under test. */
public final class TestTokens {

    public static final String SUPERADMIN = "superadmin-token-0000000001";
    public static final String MANAGER = "manager-token-00000000000001";
    public static final String TENANT_ADMIN_7 = "tenant7-admin-token-00000001";
    public static final String ANALYST = "analyst-token-000000000000001";

    private TestTokens() {
    }

    /** The {@code --token} flags for all of the above. */
    public static List<String> flags() {
        return List.of(
                "--token", "superadmin:" + SUPERADMIN,
                "--token", "manager:" + MANAGER,
                "--token", "tenant_admin@7:" + TENANT_ADMIN_7,
                "--token", "security_analyst:" + ANALYST);
    }
}
