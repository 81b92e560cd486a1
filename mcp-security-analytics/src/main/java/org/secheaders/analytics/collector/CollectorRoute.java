package org.secheaders.analytics.collector;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.policy.PlatformPolicy;
import org.secheaders.domain.report.ReportTenant;
import org.secheaders.enforcement.collector.CollectorConfig;
import org.secheaders.enforcement.collector.CollectorMeterBinder;
import org.secheaders.enforcement.collector.CspReportServlet;
import org.secheaders.enforcement.collector.DatabaseTenantDirectory;
import org.secheaders.enforcement.collector.ReportCollector;
import org.secheaders.enforcement.collector.ReportTenantResolver;
import org.secheaders.platform.config.PlatformConfig;
import org.secheaders.platform.transport.HttpExtension;
import org.secheaders.platform.transport.HttpRoute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CSP report collector of header-enforcement ({@code org.secheaders.enforcement.collector},
 * docs/COLLECTOR.md) served by the analytics server in HTTP mode, for applications that cannot embed
 * it: at the path the policy engine's header sets name in {@code report-uri} and in the
 * {@code report-to} group ({@value #PATH}), with the tenant as a path segment ({@code /csp-report/acme})
 * or, without one, by the Host header (a proxy forwarding each application's own {@code /csp-report}).
 * Public: browsers cannot send bearer tokens; the collector's rate limits, body cap and CORS apply.
 * Its meters ({@code csp_collector_*}) join the server's {@code /metrics}.
 */
public final class CollectorRoute implements HttpExtension {

    /** Where the platform's header sets send reports. */
    public static final String PATH = PlatformPolicy.DEFAULT_REPORT_COLLECTOR_PATH;
    static final String WAL_DIRECTORY = "csp-wal";
    /** Several servers on one data directory (e.g. two stateless instances) each take the next free log. */
    static final int MAX_LOGS = 16;
    private static final String ID_FILE = "collector-id";
    private static final Logger LOG = LoggerFactory.getLogger(CollectorRoute.class);

    private final Database database;
    private final Function<Tenant, ReportTenant> reportTenants;

    /** @param reportTenants the classifier's view of a tenant, as {@code track_csp_violation} builds it */
    public CollectorRoute(Database database, Function<Tenant, ReportTenant> reportTenants) {
        this.database = database;
        this.reportTenants = reportTenants;
    }

    @Override
    public Started start(PlatformConfig config, MeterRegistry meters) throws IOException {
        ReportCollector collector = startOnFreeLog(config.dataDir().resolve(WAL_DIRECTORY));
        new CollectorMeterBinder(collector).bindTo(meters);
        ReportTenantResolver pathSlug = ReportTenantResolver.pathSlug();
        TenantHostResolver hosts = new TenantHostResolver(database.tenants());
        ReportTenantResolver tenants = request -> pathSlug.tenantSlug(request).or(() -> hosts.tenantSlug(request));
        HttpRoute route = new HttpRoute("csp-report-collector", new CspReportServlet(collector, tenants),
                List.of(PATH, PATH + "/*"), HttpRoute.Access.PUBLIC);
        return new Started(List.of(route), collector);
    }

    /**
     * The first of {@code csp-wal/1}, {@code csp-wal/2}, … that no other process holds; each log
     * directory keeps its own collector id (its checkpoint row), so what one instance accepted and
     * did not store yet is stored by whichever instance takes that log next.
     */
    private ReportCollector startOnFreeLog(Path root) throws IOException {
        IllegalStateException busy = null;
        for (int n = 1; n <= MAX_LOGS; n++) {
            Path directory = root.resolve(Integer.toString(n));
            try {
                return ReportCollector.start(CollectorConfig.builder(directory).collectorId(collectorId(directory)).build(),
                        database, new DatabaseTenantDirectory(database.tenants(), reportTenants,
                                Duration.ofMinutes(1), InstantSource.system()));
            } catch (IllegalStateException inUse) {
                LOG.info("report log {} is in use: {}", directory, inUse.getMessage());
                busy = inUse;
            }
        }
        throw new IllegalStateException("all " + MAX_LOGS + " CSP report logs in " + root + " are in use", busy);
    }

    /** The log directory's own id, made once: unique across machines and data directories sharing a database. */
    static String collectorId(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(ID_FILE);
        byte[] random = new byte[8];
        new SecureRandom().nextBytes(random);
        String fresh = "analytics-" + HexFormat.of().formatHex(random);
        try {
            Files.writeString(file, fresh, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            return fresh;
        } catch (FileAlreadyExistsException exists) {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        }
    }
}
