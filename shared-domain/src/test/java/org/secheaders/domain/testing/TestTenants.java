package org.secheaders.domain.testing;

import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.repo.TenantScope;

/** Tenants with unique slugs, so tests sharing a database never see each other's rows. */
public final class TestTenants {
    private TestTenants() {
    }

    public static Tenant create(Database database) {
        String slug = "t-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        return database.tenants().create(TenantScope.platform(),
                new Tenant.Draft(slug, "Tenant " + slug, slug + ".example.com", Map.of()));
    }
}
