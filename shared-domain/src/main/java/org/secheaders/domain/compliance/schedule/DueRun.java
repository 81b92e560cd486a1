package org.secheaders.domain.compliance.schedule;

import java.util.List;
import org.secheaders.domain.model.ComplianceEvent;

/**
 * What one pass over the due checks did.
 *
 * @param events   the non-compliance events it stored
 * @param delivery webhook posts of this and earlier events
 */
public record DueRun(List<FrameworkOutcome> outcomes, List<ComplianceEvent> events, EventDelivery.Counts delivery) {

    public DueRun {
        outcomes = List.copyOf(outcomes);
        events = List.copyOf(events);
    }

    public int regressions() {
        return events.size();
    }

    public long failures() {
        return outcomes.stream().filter(outcome -> outcome.error().isPresent()).count();
    }
}
