package org.secheaders.domain.demo;

import java.util.List;
import org.secheaders.domain.model.SecurityViolation;
import org.secheaders.domain.model.Tenant;

/**
 * Turns raw demo reports into violations to store: the job of the real report pipeline (parsing
 * both wire formats, normalization, noise filter, classifier), so the demo data is classified
 * exactly as live reports would be. The seeder calls it with one tenant's reports at a time, in
 * the order they were received, in batches of about {@value DemoDataSeeder#BATCH_SIZE}.
 */
@FunctionalInterface
public interface ViolationProcessor {
    /**
     * @param tenant  the tenant whose endpoint received the reports
     * @param reports that tenant's reports, oldest first
     * @return the violations to insert, each with {@code tenant.id()} and the report's receive time
     *         as {@code receivedAt}; the pipeline may drop reports (filtered noise, duplicates)
     */
    List<SecurityViolation.Draft> process(Tenant tenant, List<DemoReport> reports);
}
