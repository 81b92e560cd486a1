package org.secheaders.platform.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

/**
 * The meters of one server instance. Tool calls and resource reads are timers tagged with the
 * tool (or URI) and outcome, so Prometheus gets counts ({@code mcp_tool_calls_seconds_count}) and
 * latency per tool and outcome from one meter. The registry is made on first use: Micrometer and
 * the Prometheus client are ~250 classes a stdio server need not load before its first call.
 */
public final class PlatformMetrics {

    /** A few fixed buckets keep latency aggregatable across instances without hundreds of series. */
    private static final Duration[] LATENCY_BUCKETS = {
            Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(5)};

    private final String serverName;
    private PrometheusMeterRegistry registry;

    public PlatformMetrics(String serverName) {
        this.serverName = serverName;
    }

    public synchronized MeterRegistry registry() {
        return prometheus();
    }

    private synchronized PrometheusMeterRegistry prometheus() {
        if (registry == null) {
            registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            registry.config().commonTags("mcp_server", serverName);
            new JvmMemoryMetrics().bindTo(registry);
            new JvmThreadMetrics().bindTo(registry);
            new ProcessorMetrics().bindTo(registry);
            new JvmGcMetrics().bindTo(registry);
        }
        return registry;
    }

    public void recordToolCall(String tool, CallOutcome outcome, Duration elapsed) {
        timer("mcp.tool.calls", "MCP tool calls by tool and outcome", "tool", tool, outcome).record(elapsed);
    }

    public void recordResourceRead(String uri, CallOutcome outcome, Duration elapsed) {
        timer("mcp.resource.reads", "MCP resource reads by URI and outcome", "uri", uri, outcome).record(elapsed);
    }

    /** @param reason {@code missing} or {@code invalid} */
    public void recordAuthenticationFailure(String reason) {
        Counter.builder("mcp.auth.failures").description("Rejected bearer tokens").tag("reason", reason)
                .register(registry()).increment();
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return prometheus().scrape();
    }

    private Timer timer(String name, String description, String subjectTag, String subject, CallOutcome outcome) {
        return Timer.builder(name).description(description)
                .tag(subjectTag, subject).tag("outcome", outcome.wireName())
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry());
    }
}
