package org.secheaders.domain.compliance.run;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.secheaders.domain.compliance.AsvsVersion;
import org.secheaders.domain.compliance.EvaluationOptions;
import org.secheaders.domain.compliance.TenantExpectations;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.model.Tenant;

/**
 * A tenant's compliance choices, read from the {@value #KEY} object of its settings; whatever is
 * absent takes the default (ASVS 5.0 level 2, the tenant's primary domain and its subdomains as
 * first-party hosts, the service's cadence). A malformed setting is refused naming it.
 */
public record TenantCheckSettings(EvaluationOptions options, CheckCadence cadence) {

    public static final String KEY = "compliance";

    static TenantCheckSettings of(Tenant tenant, CheckCadence defaultCadence) {
        Object raw = tenant.settings().get(KEY);
        if (raw != null && !(raw instanceof Map)) {
            throw new IllegalArgumentException("tenant setting " + KEY + " must be an object");
        }
        Map<?, ?> settings = raw == null ? Map.of() : (Map<?, ?>) raw;
        Set<String> firstParty = new TreeSet<>(strings(settings, "first_party_hosts"));
        firstParty.add(tenant.primaryDomain());
        firstParty.add("*." + tenant.primaryDomain());
        TenantExpectations expectations = TenantExpectations.none()
                .withSessionCookieNames(Set.copyOf(strings(settings, "session_cookies")))
                .withTrustedOrigins(Set.copyOf(strings(settings, "trusted_origins")))
                .withHosts(firstParty, Set.copyOf(strings(settings, "third_parties")))
                .withDeclaredFeatures(Set.copyOf(strings(settings, "features")));
        Optional<String> endpoint = string(settings, "reporting_endpoint");
        if (endpoint.isPresent()) {
            expectations = expectations.withReportingEndpoint(endpoint.get());
        }
        EvaluationOptions defaults = EvaluationOptions.defaults();
        AsvsVersion version = string(settings, "asvs_version").map(TenantCheckSettings::asvsVersion)
                .orElse(defaults.asvsVersion());
        int level = integer(settings, "asvs_level").orElse(defaults.asvsLevel());
        if (level < 1 || level > 3) {
            throw new IllegalArgumentException("tenant setting " + KEY + ".asvs_level must be 1, 2 or 3, was " + level);
        }
        return new TenantCheckSettings(new EvaluationOptions(version, level, expectations),
                defaultCadence.with(periods(settings)));
    }

    private static AsvsVersion asvsVersion(String label) {
        try {
            return AsvsVersion.fromLabel(label);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tenant setting " + KEY + ".asvs_version: " + e.getMessage(), e);
        }
    }

    /** {@code check_every_hours: {"soc2": 12}}. */
    private static Map<ComplianceFramework, Duration> periods(Map<?, ?> settings) {
        Object raw = settings.get("check_every_hours");
        Map<ComplianceFramework, Duration> periods = new EnumMap<>(ComplianceFramework.class);
        if (raw == null) {
            return periods;
        }
        if (!(raw instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("tenant setting " + KEY + ".check_every_hours must be an object");
        }
        map.forEach((name, hours) -> {
            String field = KEY + ".check_every_hours." + name;
            ComplianceFramework framework;
            try {
                framework = ComplianceFramework.fromWire(String.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("tenant setting " + field + ": " + e.getMessage(), e);
            }
            if (!(hours instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())
                    || number.longValue() < 1) {
                throw new IllegalArgumentException("tenant setting " + field + " must be a whole number of hours >= 1");
            }
            periods.put(framework, Duration.ofHours(number.longValue()));
        });
        return periods;
    }

    private static List<String> strings(Map<?, ?> settings, String name) {
        Object raw = settings.get(name);
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw new IllegalArgumentException("tenant setting " + KEY + "." + name + " must be a list of strings");
        }
        return list.stream().map(String.class::cast).toList();
    }

    private static Optional<String> string(Map<?, ?> settings, String name) {
        Object raw = settings.get(name);
        if (raw != null && !(raw instanceof String)) {
            throw new IllegalArgumentException("tenant setting " + KEY + "." + name + " must be a string");
        }
        return Optional.ofNullable((String) raw);
    }

    private static Optional<Integer> integer(Map<?, ?> settings, String name) {
        Object raw = settings.get(name);
        if (raw != null && !(raw instanceof Integer || raw instanceof Long)) {
            throw new IllegalArgumentException("tenant setting " + KEY + "." + name + " must be an integer");
        }
        return Optional.ofNullable(raw).map(value -> ((Number) value).intValue());
    }
}
