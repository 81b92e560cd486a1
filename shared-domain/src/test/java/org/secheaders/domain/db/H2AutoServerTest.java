package org.secheaders.domain.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.repo.TenantScope;

/** The default H2 file database as the platform's processes use it: separate JVMs, one file. */
class H2AutoServerTest {

    @Test
    void aSecondProcessOpensTheFileWhileTheFirstHoldsItAndBothReadAndWrite(@TempDir Path dir) throws Exception {
        try (Database first = Database.open(DatabaseConfig.h2(dir))) {
            first.migrations().migrate();
            first.tenants().create(TenantScope.platform(),
                    new Tenant.Draft("first-process", "Written by the first process", "first.example", Map.of()));

            ChildJvm.Result second = ChildJvm.run(dir, SharedH2Child.class, dir.toString(), "first-process", "second-process");

            assertEquals(0, second.exitCode(), () -> "second process failed:\n" + second.stderr());
            assertTrue(first.tenants().findBySlug(TenantScope.platform(), "second-process").isPresent(),
                    "the first process reads what the second wrote");
            first.tenants().create(TenantScope.platform(),
                    new Tenant.Draft("first-again", "Written after the second process", "first.example", Map.of()));
            assertEquals(3, first.tenants().list(TenantScope.platform()).size());
        }
        assertTrue(Files.exists(dir.resolve("secheaders.mv.db")));
    }

    @Test
    void migrationsWriteNothingToStdout(@TempDir Path dir) throws Exception {
        ChildJvm.Result result = ChildJvm.run(dir, MigrateChild.class, dir.toString());

        assertEquals(0, result.exitCode(), result::stderr);
        assertEquals("", result.stdout(), "stdio MCP servers use stdout for the protocol; logs belong on stderr");
    }
}
