package org.secheaders.domain.demo;

import java.time.Duration;
import java.util.List;
import org.secheaders.domain.model.Tenant;

/** What {@link DemoDataSeeder#seed} did. */
public sealed interface SeedOutcome {
    List<Tenant> tenants();

    /**
     * The demo data was written.
     *
     * @param violationsGenerated violations the generated reports carry
     * @param violationsStored    violations the processor returned and the seeder stored
     * @param elapsed             wall-clock time of the whole run
     */
    record Seeded(List<Tenant> tenants, int reports, int violationsGenerated, int violationsStored,
                  int metricRows, int policyRevisions, int incidents, List<PlantedPattern> planted,
                  Duration elapsed) implements SeedOutcome {
        public Seeded {
            tenants = List.copyOf(tenants);
            planted = List.copyOf(planted);
        }
    }

    /** The database already holds a complete demo data set; nothing was written. */
    record AlreadySeeded(List<Tenant> tenants) implements SeedOutcome {
        public AlreadySeeded {
            tenants = List.copyOf(tenants);
        }
    }
}
