package org.secheaders.domain.report;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The report pipeline: parse → normalize → filter noise → deduplicate → classify. No I/O: the HTTP
 * collector and the {@code track_csp_violation} MCP tool call it and store what it returns. Thread-safe;
 * the only shared state is the {@link Deduplicator}.
 *
 * <p>Callers should also call {@link #drainClosedTallies()} on a timer (e.g. every window length), because
 * a window's tally is otherwise only emitted with the next request, and {@link #closeAll()} at shutdown.
 */
public final class ReportPipeline {
    /** Reporting API types counted by name; anything else counts as {@code other} to bound the label set. */
    private static final Set<String> KNOWN_OTHER_TYPES = Set.of("csp-hash", "deprecation", "intervention", "crash",
            "coep", "coop", "document-policy-violation", "permissions-policy-violation", "network-error",
            "integrity-violation");
    private static final String OTHER_TYPE = "other";

    private final ReportParser parser;
    private final ReportNormalizer normalizer = new ReportNormalizer();
    private final NoiseFilter noiseFilter;
    private final Deduplicator deduplicator;
    private final ThreatClassifier classifier;
    private final NoiseHandling noiseHandling;
    private final ClientHasher clientHasher = new ClientHasher();

    private ReportPipeline(Builder builder) {
        this.parser = new ReportParser(builder.parserLimits);
        this.noiseFilter = builder.noiseFilter;
        this.deduplicator = new Deduplicator(builder.clock, builder.dedupeWindow, builder.maxDedupeWindows);
        this.classifier = builder.classifier;
        this.noiseHandling = builder.noiseHandling;
    }

    public static Builder builder(InstantSource clock) {
        return new Builder(clock);
    }

    /** Processes a request body; never throws on any body or content type. */
    public PipelineResult process(ReportTenant tenant, String contentType, byte[] body, ClientInfo client) {
        ParseResult parsed = parser.parse(contentType, body);
        return run(tenant, parsed.reports(), parsed.errors(), client);
    }

    /** Processes reports that were built from structured fields (the MCP tool) or parsed elsewhere. */
    public PipelineResult process(ReportTenant tenant, List<ParsedReport> reports, ClientInfo client) {
        return run(tenant, reports, List.of(), client);
    }

    /** Tallies of windows that closed since the last call; call this on a timer. */
    public List<DuplicateTally> drainClosedTallies() {
        return deduplicator.drainClosed();
    }

    /** Closes every dedupe window, e.g. at shutdown, and returns their tallies. */
    public List<DuplicateTally> closeAll() {
        return deduplicator.closeAll();
    }

    private record Group(NormalizedReport report, NoiseVerdict noise, int count) {
        Group plusOne() {
            return new Group(report, noise, count + 1);
        }
    }

    private PipelineResult run(ReportTenant tenant, List<ParsedReport> reports, List<ReportError> errors,
            ClientInfo client) {
        Map<String, Integer> otherCounts = new HashMap<>();
        Map<String, Integer> noiseCounts = new HashMap<>();
        // Identical reports within one request are grouped first, so the deduplicator sees each key once.
        Map<DedupeKey, Group> groups = new LinkedHashMap<>();
        for (ParsedReport parsed : reports) {
            if (!(parsed instanceof CspViolationReport csp)) {
                otherCounts.merge(KNOWN_OTHER_TYPES.contains(parsed.type()) ? parsed.type() : OTHER_TYPE, 1, Integer::sum);
                continue;
            }
            NormalizedReport report = normalizer.normalize(csp, client.userAgent());
            NoiseVerdict noise = noiseFilter.check(report, tenant.noiseRules());
            if (noise instanceof NoiseVerdict.Noise n) {
                noiseCounts.merge(n.ruleId(), 1, Integer::sum);
                if (noiseHandling == NoiseHandling.COUNT_ONLY) {
                    continue;
                }
            }
            groups.merge(DedupeKey.of(tenant.id(), report), new Group(report, noise, 1), (a, b) -> a.plusOne());
        }
        OptionalLong clientHash = clientHasher.hash(client.clientKey());
        List<ProcessedViolation> violations = new ArrayList<>(groups.size());
        int suppressed = 0;
        for (Map.Entry<DedupeKey, Group> entry : groups.entrySet()) {
            Group group = entry.getValue();
            Admission admission = deduplicator.admit(entry.getKey(), group.count(), clientHash);
            if (!admission.first()) {
                suppressed += group.count();
                continue;
            }
            Verdict verdict = classifier.classify(group.report(), group.noise(), tenant.context());
            violations.add(new ProcessedViolation(tenant.id(), admission.windowStart(), group.report(), verdict,
                    group.count(), entry.getKey().hex(), metadata(group.report(), group.noise(), verdict)));
        }
        return new PipelineResult(violations, deduplicator.drainClosed(), suppressed, noiseCounts, otherCounts, errors);
    }

    private static Map<String, String> metadata(NormalizedReport report, NoiseVerdict noise, Verdict verdict) {
        Map<String, String> metadata = new HashMap<>();
        metadata.put("report_format", report.format().wireName());
        metadata.put("rule_set", verdict.ruleSetVersion());
        metadata.put("reason", verdict.reason());
        metadata.put("evidence", verdict.evidence());
        report.statusCode().ifPresent(code -> metadata.put("status_code", Integer.toString(code)));
        report.ageMillis().ifPresent(age -> metadata.put("age_ms", Long.toString(age)));
        report.policyHash().ifPresent(hash -> metadata.put("policy_hash", hash));
        report.sample().ifPresent(sample -> {
            sample.sink().ifPresent(sink -> metadata.put("trusted_types_sink", sink));
            metadata.put("sample_truncated", Boolean.toString(sample.truncated()));
        });
        if (report.userAgent().os() != OsFamily.OTHER) {
            metadata.put("os_family", report.userAgent().os().wireName());
        }
        if (noise instanceof NoiseVerdict.Noise n) {
            metadata.put("noise_rule", n.ruleId());
        }
        return metadata;
    }

    /** Configures a pipeline; every setting has a default from the design notes. */
    public static final class Builder {
        private final InstantSource clock;
        private ParserLimits parserLimits = ParserLimits.defaults();
        private NoiseFilter noiseFilter = NoiseFilter.defaults();
        private ThreatClassifier classifier = ThreatClassifier.v1();
        private NoiseHandling noiseHandling = NoiseHandling.STORE;
        private Duration dedupeWindow = Deduplicator.DEFAULT_WINDOW;
        private int maxDedupeWindows = Deduplicator.DEFAULT_MAX_WINDOWS;

        private Builder(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        public Builder parserLimits(ParserLimits value) {
            parserLimits = Objects.requireNonNull(value, "parserLimits");
            return this;
        }

        public Builder noiseFilter(NoiseFilter value) {
            noiseFilter = Objects.requireNonNull(value, "noiseFilter");
            return this;
        }

        public Builder classifier(ThreatClassifier value) {
            classifier = Objects.requireNonNull(value, "classifier");
            return this;
        }

        public Builder noiseHandling(NoiseHandling value) {
            noiseHandling = Objects.requireNonNull(value, "noiseHandling");
            return this;
        }

        public Builder dedupeWindow(Duration value) {
            dedupeWindow = Objects.requireNonNull(value, "dedupeWindow");
            return this;
        }

        public Builder maxDedupeWindows(int value) {
            maxDedupeWindows = value;
            return this;
        }

        /** @throws IllegalArgumentException when the dedupe window or size is not positive */
        public ReportPipeline build() {
            return new ReportPipeline(this);
        }
    }
}
