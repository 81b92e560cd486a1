package org.secheaders.analytics.tool;

import java.time.Duration;
import org.secheaders.analytics.service.AnomalyService;
import org.secheaders.domain.model.SecuritySeverity;
import org.secheaders.platform.auth.ResourceCategory;
import org.secheaders.platform.tool.McpTool;
import org.secheaders.platform.tool.ToolArguments;
import org.secheaders.platform.tool.ToolContext;
import org.secheaders.platform.tool.ToolHints;

/** {@code detect_anomalies}: spikes, rises, drops and first sightings in the recent violation rate. */
public final class DetectAnomaliesTool implements McpTool {

    static final String WINDOW = "window_minutes";
    static final String HISTORY = "history_hours";
    static final String AS_OF = "as_of";
    /** The detector needs three consecutive breaching minutes; a shorter window could never hold a run worth judging. */
    private static final long MIN_WINDOW_MINUTES = 5;

    private final AnomalyService anomalies;

    public DetectAnomaliesTool(AnomalyService anomalies) {
        this.anomalies = anomalies;
    }

    @Override
    public String name() {
        return "detect_anomalies";
    }

    @Override
    public String title() {
        return "Detect anomalies";
    }

    @Override
    public String description() {
        return "Finds unusual changes in the per-minute rate of violation reports, per tenant and per (directive, "
                + "blocked host): spikes, sustained rises and drops against robust (median ± k·MAD), same-slot "
                + "seasonal and Poisson bands learned from 24 hours to 14 days of history, plus first sightings of "
                + "blocked hosts a tenant never reported before. Judges the last window_minutes (default 60) of "
                + "complete minutes. Each anomaly states observed and expected rates, bounds, method and a one-line "
                + "explanation.";
    }

    @Override
    public String inputSchema() {
        return """
                {
                  "type": "object",
                  "properties": {
                    %s,
                    "window_minutes": {"type": "integer", "minimum": %d, "maximum": %d, "description": "Minutes judged, ending at as_of. Default 60."},
                    "history_hours": {"type": "integer", "minimum": %d, "maximum": %d, "description": "History before the window the bands are learned from. Default %d (the weekly band needs 7 days)."},
                    "as_of": {"type": "string", "description": "End of the judged window, an ISO-8601 instant; default now. Minutes still filling are not judged."},
                    "min_severity": %s
                  },
                  "additionalProperties": false
                }
                """.formatted(TenantArguments.schema("to examine; omit for every tenant you may see"),
                MIN_WINDOW_MINUTES, AnomalyService.MAX_WINDOW.toMinutes(), AnomalyService.MIN_HISTORY.toHours(),
                AnomalyService.MAX_HISTORY.toHours(), AnomalyService.DEFAULT_HISTORY.toHours(),
                OutputSchemas.described(OutputSchemas.SEVERITY, "Leave out anomalies below this severity. Default low."));
    }

    @Override
    public String outputSchema() {
        return """
                {
                  "type": "object",
                  "properties": {
                    "scope": {"type": "string"},
                    "evaluated": {"type": "object", "properties": {
                      "window": %s,
                      "history_start": %s,
                      "tenants": {"type": "integer", "description": "tenants with reports in the loaded range"},
                      "series": {"type": "integer"}
                    }, "required": ["window", "history_start", "tenants", "series"], "additionalProperties": false},
                    "anomalies": {"type": "array", "items": %s},
                    "first_sightings": {"type": "array", "items": %s}
                  },
                  "required": ["scope", "evaluated", "anomalies", "first_sightings"],
                  "additionalProperties": false
                }
                """.formatted(OutputSchemas.TIME_RANGE, OutputSchemas.DATE_TIME, OutputSchemas.ANOMALY,
                OutputSchemas.FIRST_SIGHTING);
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
        Duration window = Duration.ofMinutes(NumberArguments.between(arguments, WINDOW,
                AnomalyService.DEFAULT_WINDOW.toMinutes(), MIN_WINDOW_MINUTES, AnomalyService.MAX_WINDOW.toMinutes()));
        Duration history = Duration.ofHours(NumberArguments.between(arguments, HISTORY,
                AnomalyService.DEFAULT_HISTORY.toHours(), AnomalyService.MIN_HISTORY.toHours(),
                AnomalyService.MAX_HISTORY.toHours()));
        return anomalies.detect(context.scope(), PeriodArguments.instant(arguments, AS_OF), window, history,
                arguments.optionalEnum("min_severity", SecuritySeverity.class).orElse(SecuritySeverity.LOW));
    }
}
