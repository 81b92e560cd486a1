package org.secheaders.domain.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The platform's side of resolution: the baseline every tenant starts from and the locks no tenant
 * may weaken. Built only through {@link #fromJson(String)} or {@link #defaults()}, which validate the
 * whole configuration and fail with every problem named (field and value), so a running service
 * never meets an invalid baseline.
 *
 * @param baseline            the default header set (what a tenant with no policy rows gets)
 * @param locks               directives and headers tenants may only tighten
 * @param reportCollectorPath where the CSP headers send reports; the report collector listens here
 * @param reportGroup         the Reporting-Endpoints group CSP {@code report-to} names
 */
public record PlatformPolicy(HeaderSet baseline, PolicyLocks locks, String reportCollectorPath, String reportGroup) {
    public static final String DEFAULT_REPORT_COLLECTOR_PATH = "/csp-report";
    public static final String DEFAULT_REPORT_GROUP = "csp-endpoint";
    private static final String DEFAULTS_RESOURCE = "platform-baseline.json";

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
