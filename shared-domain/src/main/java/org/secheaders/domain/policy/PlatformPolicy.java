package org.secheaders.domain.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The platform's side of resolution: the baseline every tenant starts from and the locks no tenant
 * may weaken. Built only through {@link #fromJson(String)} or {@link #defaults()}, which validate the
 * whole configuration and fail with every problem named (field and value), so a running service
 * never meets an invalid baseline. Immutable.
 */
public final class PlatformPolicy {
    public static final String DEFAULT_REPORT_COLLECTOR_PATH = "/csp-report";
    public static final String DEFAULT_REPORT_GROUP = "csp-endpoint";
    private static final String DEFAULTS_RESOURCE = "platform-baseline.json";
    private static final Set<String> REPORTING_DIRECTIVES = Set.of("report-uri", "report-to");

    private final HeaderSet baseline;
    private final PolicyLocks locks;
    private final String reportCollectorPath;
    private final String reportGroup;

    PlatformPolicy(HeaderSet baseline, PolicyLocks locks, String reportCollectorPath, String reportGroup) {
        this.baseline = baseline;
        this.locks = locks;
        this.reportCollectorPath = reportCollectorPath;
        this.reportGroup = reportGroup;
    }

    /** Parses and validates a platform policy file's content. */
    public static PlatformPolicy fromJson(String json) {
        return PlatformPolicyLoader.load(PolicyJson.read(json, PlatformPolicySpec.class));
    }

    /**
     * The built-in strong baseline ({@code platform-baseline.json} next to this class), which lets
     * header enforcement run without a database. Its headers and their expected HTTP Observatory
     * results are listed in {@code docs/POLICY_ENGINE.md}.
     */
    public static PlatformPolicy defaults() {
        return Defaults.POLICY;
    }

    /** The default header set: what a tenant with no applying policy rows gets. */
    public HeaderSet baseline() {
        return baseline;
    }

    /** Directives and headers tenants may only tighten. */
    public PolicyLocks locks() {
        return locks;
    }

    /** Where the CSP headers send reports ({@code report-uri}, and the reporting group's URL); the collector listens here. */
    public String reportCollectorPath() {
        return reportCollectorPath;
    }

    /** The Reporting-Endpoints group that CSP {@code report-to} names. */
    public String reportGroup() {
        return reportGroup;
    }

    /** {@code report-uri} and {@code report-to}: derived from the reporting settings, never appended to by a tenant. */
    static boolean isReportingDirective(String directive) {
        return REPORTING_DIRECTIVES.contains(directive);
    }

    private static final class Defaults {
        static final PlatformPolicy POLICY = fromJson(read());

        private static String read() {
            try (InputStream in = PlatformPolicy.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(DEFAULTS_RESOURCE + " is missing from the classpath");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + DEFAULTS_RESOURCE, e);
            }
        }
    }
}
