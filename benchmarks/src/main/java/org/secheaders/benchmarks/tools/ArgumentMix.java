package org.secheaders.benchmarks.tools;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.secheaders.domain.demo.PlantedPattern;

/**
 * Realistic arguments for each analytics tool over the seeded data: mostly one tenant, sometimes all
 * tenants; periods from an hour to the whole 14 days ending at the data set's end; filters on values
 * that occur in the data; the planted attack burst among the correlation windows. Deterministic for a
 * seed.
 */
final class ArgumentMix {

    private static final List<String> SEVERITIES = List.of("low", "medium", "high", "critical");
    private static final List<String> CLASSIFICATIONS = List.of("false_positive", "suspicious", "malicious", "unknown");
    private static final List<String> DIMENSIONS = List.of("directive", "host", "document", "severity", "classification",
            "hour", "day");
    private static final List<String> FORMATS = List.of("markdown", "html", "json");
    private static final List<String> PAGES = List.of("/", "/checkout", "/account/settings", "/news/world", "/search");
    private static final List<String> BLOCKED = List.of("https://cdn.tracker-metrics.example/t.js",
            "https://fonts.example-cdn.example/font.woff2", "inline", "eval", "data", "https://203.0.113.9/x.js");
    private static final List<String> DIRECTIVES = List.of("script-src-elem", "style-src-elem", "img-src",
            "connect-src", "font-src", "frame-src");

    private final SplittableRandom random;
    private final List<TenantSample> tenants;
    private final Instant end;
    private final PlantedPattern.AttackBurst burst;

    /**
     * @param end   the end of the seeded data (minute-aligned): periods end there, not at "now", so a
     *              reused database is queried where its data is
     * @param burst the planted attack burst, one of the correlation windows
     */
    ArgumentMix(long seed, List<TenantSample> tenants, Instant end, PlantedPattern.AttackBurst burst) {
        this.random = new SplittableRandom(seed);
        this.tenants = List.copyOf(tenants);
        this.end = end;
        this.burst = burst;
    }

    Map<String, Object> next(AnalyticsToolTarget tool) {
        return switch (tool) {
            case TRACK_CSP_VIOLATION -> track();
            case ANALYZE_SECURITY_METRICS -> analyze();
            case DETECT_ANOMALIES -> detect();
            case CORRELATE_SECURITY_EVENTS -> correlate();
            case GENERATE_SECURITY_REPORT -> report();
        };
    }

    /** A report as a browser sends it (half legacy report-uri, half Reporting API), or structured fields. */
    private Map<String, Object> track() {
        TenantSample tenant = pick(tenants);
        String document = "https://" + tenant.domain() + pick(PAGES);
        String directive = pick(DIRECTIVES);
        String blocked = pick(BLOCKED);
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("tenant", tenant.slug());
        switch (random.nextInt(3)) {
            case 0 -> {
                arguments.put("document_uri", document);
                arguments.put("effective_directive", directive);
                arguments.put("blocked_uri", blocked);
                arguments.put("disposition", "enforce");
                arguments.put("user_agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                        + "Chrome/131.0.0.0 Safari/537.36");
            }
            case 1 -> {
                arguments.put("content_type", "application/csp-report");
                arguments.put("report", Map.of("csp-report", Map.of("document-uri", document, "referrer", "",
                        "violated-directive", directive, "effective-directive", directive,
                        "original-policy", "default-src 'self'; report-uri /csp", "disposition", "enforce",
                        "blocked-uri", blocked, "status-code", 200)));
            }
            default -> {
                arguments.put("content_type", "application/reports+json");
                arguments.put("report", List.of(Map.of("type", "csp-violation", "age", random.nextInt(60_000),
                        "url", document, "user_agent", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) "
                                + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
                        "body", Map.of("documentURL", document, "effectiveDirective", directive, "blockedURL", blocked,
                                "originalPolicy", "default-src 'self'; report-to csp", "disposition", "enforce",
                                "statusCode", 200))));
            }
        }
        return arguments;
    }

    private Map<String, Object> analyze() {
        Map<String, Object> arguments = new LinkedHashMap<>();
        TenantSample tenant = maybeTenant(arguments);
        Duration length = weighted(new Duration[] {Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(14)},
                new int[] {3, 5, 2});
        period(arguments, end, length);
        if (random.nextInt(4) == 0) {
            arguments.put("severity", pick(SEVERITIES));
        }
        if (random.nextInt(10) == 0) {
            arguments.put("classification", pick(CLASSIFICATIONS));
        }
        if (tenant != null && random.nextInt(5) == 0) {
            arguments.put("directive", pick(tenant.directives()));
        }
        if (tenant != null && !tenant.hosts().isEmpty() && random.nextInt(7) == 0) {
            arguments.put("blocked_host", pick(tenant.hosts()));
        }
        if (random.nextBoolean()) {
            List<String> groupBy = new ArrayList<>(DIMENSIONS);
            Collections.shuffle(groupBy, new Random(random.nextLong()));
            arguments.put("group_by", groupBy.subList(0, 1 + random.nextInt(3)));
        }
        if (random.nextInt(5) == 0) {
            arguments.put("page", 2 + random.nextInt(4));
        }
        arguments.put("per_page", pick(List.of(20, 20, 50, 100)));
        return arguments;
    }

    private Map<String, Object> detect() {
        Map<String, Object> arguments = new LinkedHashMap<>();
        maybeTenant(arguments);
        arguments.put("as_of", end.minus(random.nextInt(72 * 60), ChronoUnit.MINUTES).toString());
        arguments.put("window_minutes", weighted(new Integer[] {60, 15, 120, 240}, new int[] {6, 2, 1, 1}));
        if (random.nextInt(10) < 3) {
            arguments.put("history_hours", pick(List.of(24, 72, 168)));
        }
        return arguments;
    }

    private Map<String, Object> correlate() {
        Map<String, Object> arguments = new LinkedHashMap<>();
        if (random.nextInt(5) == 0) {
            arguments.put("tenant", burst.tenantSlug());
            period(arguments, burst.end().plus(Duration.ofMinutes(90)), Duration.ofHours(3));
            return arguments;
        }
        maybeTenant(arguments);
        Duration length = weighted(new Duration[] {Duration.ofHours(1), Duration.ofHours(6), Duration.ofHours(24)},
                new int[] {2, 3, 5});
        period(arguments, end.minus(random.nextInt(48 * 60), ChronoUnit.MINUTES), length);
        return arguments;
    }

    private Map<String, Object> report() {
        Map<String, Object> arguments = new LinkedHashMap<>();
        maybeTenant(arguments);
        period(arguments, end, weighted(new Duration[] {Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(14)},
                new int[] {3, 5, 2}));
        arguments.put("format", pick(FORMATS));
        return arguments;
    }

    /** Three calls in four name a tenant; the rest cover every tenant (the superadmin's view). */
    private TenantSample maybeTenant(Map<String, Object> arguments) {
        if (random.nextInt(4) == 0) {
            return null;
        }
        TenantSample tenant = pick(tenants);
        arguments.put("tenant", tenant.slug());
        return tenant;
    }

    private static void period(Map<String, Object> arguments, Instant periodEnd, Duration length) {
        arguments.put("start_date", periodEnd.minus(length).toString());
        arguments.put("end_date", periodEnd.toString());
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private <T> T weighted(T[] values, int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int draw = random.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return values[i];
            }
        }
        throw new IllegalStateException("weights do not cover the draw");
    }
}
