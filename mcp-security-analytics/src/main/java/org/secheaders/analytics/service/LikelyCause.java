package org.secheaders.analytics.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.secheaders.analytics.service.AnomalyService.AnomalyFinding;
import org.secheaders.analytics.service.AnomalyService.FirstSightingFinding;
import org.secheaders.analytics.service.CorrelationService.RelatedChange;
import org.secheaders.analytics.service.HeaderTimingService.TimingRegression;

/**
 * The one-line likely cause of a violation cluster, from its evidence in this order: a policy
 * change just before it (above all one that removed the blocked source), a malicious or noise
 * majority, a header timing regression, a first sighting, an anomaly without a change.
 */
final class LikelyCause {

    private LikelyCause() {
    }

    /** What is known about one cluster; {@code changes} are sorted with the most telling first. */
    record Evidence(
            String directive,
            String blocked,
            long count,
            Map<String, Long> byClassification,
            List<AnomalyFinding> anomalies,
            Optional<FirstSightingFinding> firstSighting,
            List<RelatedChange> changes,
            List<TimingRegression> timing) {
    }

    static String of(Evidence evidence) {
        String subject = event(evidence) + " of " + evidence.directive() + " → " + evidence.blocked();
        if (!evidence.changes().isEmpty()) {
            return subject + " began " + afterChange(evidence.changes().get(0));
        }
        String timing = evidence.timing().isEmpty() ? "" : "; it coincides with " + timing(evidence.timing().get(0));
        long malicious = evidence.byClassification().getOrDefault("malicious", 0L);
        long noise = evidence.byClassification().getOrDefault("false_positive", 0L);
        if (2 * malicious > evidence.count()) {
            return subject + ": " + malicious + " of " + evidence.count() + " reports classified malicious, likely an attack"
                    + (evidence.firstSighting().isPresent() ? " from a host never reported before" : "") + timing;
        }
        if (2 * noise > evidence.count()) {
            return subject + ": " + noise + " of " + evidence.count()
                    + " reports are noise (browser extensions, injected scripts, local addresses), not a policy problem" + timing;
        }
        if (!timing.isEmpty()) {
            return subject + timing.replaceFirst("^; it", "");
        }
        if (evidence.firstSighting().isPresent()) {
            return subject + ": a blocked host this tenant never reported before, with no policy change before it";
        }
        if (!evidence.anomalies().isEmpty()) {
            return subject + " (" + evidence.anomalies().get(0).explanation() + ") with no policy change before it";
        }
        return subject + " at a steady rate: no anomaly, policy change or timing regression in the window";
    }

    private static String event(Evidence evidence) {
        // A rise says more about how the cluster began than a drop later in the window.
        return evidence.anomalies().stream().map(AnomalyFinding::kind)
                .sorted((a, b) -> Boolean.compare(a.equals("drop"), b.equals("drop"))).findFirst()
                .map(kind -> kind.replace('_', ' '))
                .orElse(evidence.firstSighting().isPresent() ? "first reports" : "reports");
    }

    private static String afterChange(RelatedChange related) {
        PolicyChange change = related.change();
        String what = related.removedAllowingBlocked().isEmpty()
                ? change.action() + change.policyName().map(name -> " of '" + name + "'").orElse("")
                        + change.policyVersion().map(version -> ", version " + version).orElse("")
                : "removed " + String.join(", ", related.removedAllowingBlocked());
        return minutes(related.minutesBeforeOnset()) + " after policy change #" + change.changeId() + " by "
                + change.actor() + " (" + what + ")";
    }

    private static String minutes(long minutes) {
        return minutes == 0 ? "less than a minute" : minutes == 1 ? "1 minute" : minutes + " minutes";
    }

    private static String timing(TimingRegression regression) {
        return "header_processing p99 rising from " + regression.baselineP99Us() + " µs to "
                + regression.observedP99Us() + " µs at " + regression.startedAt();
    }
}
