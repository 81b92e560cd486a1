package org.secheaders.enforcement.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.SecurityViolation;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.model.ThreatClassification;
import org.secheaders.domain.testing.DbKind;
import org.secheaders.domain.testing.TestDatabases;
import org.secheaders.domain.testing.TestTenants;

/** End to end over HTTP on each database the platform supports: both wire formats stored, classified and counted. */
class CollectorDatabasesTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void reportsAreStoredClassifiedAndCounted(DbKind kind) throws Exception {
        Database database = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(database);
        CollectorConfig config = CollectorConfig.builder(dir).collectorId("e2e-" + kind.name().toLowerCase()).build();
        try (CollectorServer server = CollectorServer.builder(database, config).start()) {
            URI uri = server.reportUri(tenant.slug());
            post(uri, "application/csp-report", SampleReports.legacyInjection("/checkout"));
            post(uri, "application/csp-report", SampleReports.legacyInjection("/checkout"));
            post(uri, "application/reports+json", SampleReports.batchWithDeprecation());

            List<SecurityViolation> rows = StoredViolations.await(database, tenant.id(), Duration.ofSeconds(10),
                    stored -> StoredViolations.totalReports(stored) == 3);

            assertEquals(2, rows.size(), "the two identical legacy reports share a row");
            Map<Object, ThreatClassification> byFormat = rows.stream().collect(Collectors.toMap(
                    v -> v.metadata().get("report_format"), SecurityViolation::threatClassification));
            assertEquals(Map.of("report_uri", ThreatClassification.MALICIOUS, "reporting_api", ThreatClassification.UNKNOWN),
                    byFormat);
        }
    }

    private static void post(URI uri, String contentType, byte[] body) throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(uri).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, response.statusCode(), response::body);
    }
}
