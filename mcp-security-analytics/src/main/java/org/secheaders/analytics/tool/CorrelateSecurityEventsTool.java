package org.secheaders.analytics.tool;

import java.time.Clock;
import java.time.Duration;
import org.secheaders.analytics.service.CorrelationService;
import org.secheaders.platform.auth.ResourceCategory;
import org.secheaders.platform.tool.McpTool;
import org.secheaders.platform.tool.ToolArguments;
import org.secheaders.platform.tool.ToolContext;
import org.secheaders.platform.tool.ToolHints;

/** {@code correlate_security_events}: violation clusters tied to anomalies, policy changes and timing regressions. */
public final class CorrelateSecurityEventsTool implements McpTool {

    static final String MAX_CLUSTERS = "max_clusters";
    static final String CHANGE_LOOKBACK = "change_lookback_minutes";
    private static final Duration DEFAULT_PERIOD = Duration.ofHours(24);
    private static final Duration LONGEST_PERIOD = Duration.ofDays(7);
    private static final String KEY_COUNT = """
            {"type": "object", "properties": {"key": {"type": "string"}, "count": {"type": "integer"}},
             "required": ["key", "count"], "additionalProperties": false}""";

    private final CorrelationService correlation;
    private final Clock clock;

    public CorrelateSecurityEventsTool(CorrelationService correlation, Clock clock) {
        this.correlation = correlation;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "correlate_security_events";
    }

    @Override
    public String title() {
        return "Correlate security events";
    }

    @Override
    public String description() {
        return "Explains what happened in a time window (default the last 24 hours, at most 7 days): clusters the "
                + "violations by tenant, directive and blocked host (with counts, first/last seen, sample ids, top "
                + "documents and source files), and ties each cluster to its anomalies, to tenant policy changes "
                + "shortly before it began (author, version and the CSP sources removed) and to header timing "
                + "regressions around it. Each cluster carries a one-line likely cause computed from that evidence, "
                + "e.g. \"spike of script-src-elem → cdn.example.com began 3 minutes after policy change #12 by alice "
                + "(removed script-src https://cdn.example.com)\". Clusters with the most evidence come first.";
    }

    @Override
    public String inputSchema() {
        return """
                {
                  "type": "object",
                  "properties": {
                    %s,
                    %s,
                    "max_clusters": {"type": "integer", "minimum": 1, "maximum": 50, "description": "Clusters returned. Default 10."},
                    "change_lookback_minutes": {"type": "integer", "minimum": 1, "maximum": 1440, "description": "How long before a cluster began a policy change still counts as related. Default 60."}
                  },
                  "additionalProperties": false
                }
                """.formatted(TenantArguments.schema("to examine; omit for every tenant you may see"),
                PeriodArguments.schema("24 hours"));
    }

    @Override
    public String outputSchema() {
        return """
                {
                  "type": "object",
                  "properties": {
                    "scope": {"type": "string"},
                    "window": %1$s,
                    "clusters_found": {"type": "integer"},
                    "clusters": {"type": "array", "items": {"type": "object", "properties": {
                      "tenant": {"type": "string"},
                      "directive": {"type": "string"},
                      "blocked": {"type": "string"},
                      "count": {"type": "integer"},
                      "first_seen": %8$s,
                      "last_seen": %8$s,
                      "onset": %8$s,
                      "sample_ids": {"type": "array", "items": {"type": "integer"}},
                      "by_classification": %2$s,
                      "top_documents": {"type": "array", "items": %3$s},
                      "top_source_files": {"type": "array", "items": %3$s},
                      "anomalies": {"type": "array", "items": %4$s},
                      "first_sighting": %5$s,
                      "policy_changes": {"type": "array", "items": {"type": "object", "properties": {
                        "change": %6$s,
                        "minutes_before_onset": {"type": "integer"},
                        "removed_allowing_blocked": %9$s
                      }, "required": ["change", "minutes_before_onset", "removed_allowing_blocked"], "additionalProperties": false}},
                      "timing_regressions": {"type": "array", "items": %7$s},
                      "likely_cause": {"type": "string"}
                    }, "required": ["tenant", "directive", "blocked", "count", "first_seen", "last_seen", "onset", "sample_ids",
                                    "by_classification", "top_documents", "top_source_files", "anomalies", "policy_changes",
                                    "timing_regressions", "likely_cause"],
                       "additionalProperties": false}},
                    "tenant_anomalies": {"type": "array", "items": %4$s},
                    "unrelated_policy_changes": {"type": "array", "items": %6$s},
                    "unrelated_timing_regressions": {"type": "array", "items": %7$s}
                  },
                  "required": ["scope", "window", "clusters_found", "clusters", "tenant_anomalies", "unrelated_policy_changes",
                               "unrelated_timing_regressions"],
                  "additionalProperties": false
                }
                """.formatted(OutputSchemas.TIME_RANGE, OutputSchemas.COUNTS, KEY_COUNT, OutputSchemas.ANOMALY,
                OutputSchemas.FIRST_SIGHTING, OutputSchemas.POLICY_CHANGE, OutputSchemas.TIMING_REGRESSION,
                OutputSchemas.DATE_TIME, OutputSchemas.STRINGS);
    }

    @Override
    public ToolHints hints() {
        return ToolHints.readOnlyTool();
    }

    @Override
    public ResourceCategory category() {
        return ResourceCategory.VIOLATIONS;
    }

    @Override
    public Object call(ToolContext context, ToolArguments arguments) {
        return correlation.correlate(context.scope(),
                PeriodArguments.read(arguments, clock.instant(), DEFAULT_PERIOD, Duration.ofMinutes(5), LONGEST_PERIOD),
                NumberArguments.between(arguments, MAX_CLUSTERS, 10, 1, 50),
                Duration.ofMinutes(NumberArguments.between(arguments, CHANGE_LOOKBACK,
                        CorrelationService.DEFAULT_CHANGE_LOOKBACK.toMinutes(), 1, 1440)));
    }
}
