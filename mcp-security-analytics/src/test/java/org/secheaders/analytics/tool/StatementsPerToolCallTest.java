package org.secheaders.analytics.tool;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secheaders.analytics.testing.AnalyticsTestServer.ANALYST;
import static org.secheaders.analytics.testing.AnalyticsTestServer.SERVER;

import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.secheaders.analytics.testing.AnalyticsScenario;
import org.secheaders.analytics.testing.RecordedStatements;

/**
 * How many SQL statements one call of each aggregating tool issues (counted by a JDBI
 * {@link SqlLogger} on the scenario's database while the call runs, tenant lookups included), so
 * that a change that issues more fails here. The budgets are the counts after merging the analyses'
 * queries; before, the same calls issued 15, 20, 3, 5, 12 and 35 (ANALYTICS_SERVER.md, "Statements per
 * tool call"). The scenario holds six hours of reports, so the anomaly load skips its weekly slice. The
 * document counts and the minute cells in memory add a few small statements (first use included) in place
 * of reads of every row of a period.
 */
class StatementsPerToolCallTest {

    static List<Arguments> calls() {
        return List.of(
                Arguments.of("analyze_security_metrics", Map.of(), 10),
                Arguments.of("analyze_security_metrics", Map.of("tenant", "acme", "group_by",
                        List.of("directive", "host", "document", "severity", "classification", "hour", "day")), 17),
                Arguments.of("detect_anomalies", Map.of(), 5),
                Arguments.of("detect_anomalies", Map.of("tenant", "acme", "history_hours", 24), 4),
                Arguments.of("correlate_security_events", Map.of("start_date", "2026-03-10T10:00:00Z"), 13),
                Arguments.of("generate_security_report", Map.of("tenant", "acme", "format", "json",
                        "start_date", "2026-03-10T08:00:00Z"), 24));
    }

    @ParameterizedTest
    @MethodSource("calls")
    void staysWithinItsStatementBudget(String tool, Map<String, Object> arguments, int budget) {
        List<String> statements = statementsOf(tool, arguments);

        assertTrue(statements.size() <= budget, () -> tool + " " + arguments + " issued " + statements.size()
                + " statements, more than " + budget + ":\n" + String.join("\n", statements));
    }

    private static List<String> statementsOf(String tool, Map<String, Object> arguments) {
        Jdbi jdbi = AnalyticsScenario.shared().database().jdbi();
        SERVER.running();
        return List.copyOf(RecordedStatements.during(jdbi, () -> SERVER.success(ANALYST, tool, arguments)));
    }
}
