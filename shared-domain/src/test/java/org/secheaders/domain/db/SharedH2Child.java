package org.secheaders.domain.db;

import java.nio.file.Path;
import java.util.Map;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.repo.TenantScope;

/**
 * The second process of {@link H2AutoServerTest}: opens the H2 file the test process holds open,
 * reads the tenant the test wrote and writes one of its own. Reports through its exit code only.
 */
public final class SharedH2Child {
    private SharedH2Child() {
    }

    /** Arguments: data directory, slug to read, slug to create. */
    public static void main(String[] args) {
        try (Database database = Database.open(DatabaseConfig.h2(Path.of(args[0])))) {
            database.migrations().migrate();
            if (database.tenants().findBySlug(TenantScope.platform(), args[1]).isEmpty()) {
                System.exit(2);
            }
            database.tenants().create(TenantScope.platform(),
                    new Tenant.Draft(args[2], "Written by the second process", "second.example", Map.of()));
        }
        System.exit(0);
    }
}
