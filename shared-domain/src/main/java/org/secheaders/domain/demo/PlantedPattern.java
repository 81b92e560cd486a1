package org.secheaders.domain.demo;

import java.time.Instant;
import java.util.List;

/**
 * A pattern deliberately placed in the demo data, for the analytics to find. Times are UTC; the
 * reports of a pattern are received up to a minute after it ends (browsers batch Reporting API
 * deliveries).
 */
public sealed interface PlantedPattern {
    String tenantSlug();

    /** When the pattern starts to show in the reports. */
    Instant start();

    /** One line for the operator: what to look for, and where. */
    String description();

    /**
     * A script-injection (Magecart-style) burst: a compromised third-party widget on the checkout
     * pages injects inline script and tries to send cookies to a host the tenant has never seen.
     */
    record AttackBurst(String tenantSlug, Instant start, Instant end, String exfiltrationHost, List<String> paths)
            implements PlantedPattern {
        public AttackBurst {
            paths = List.copyOf(paths);
        }

        @Override
        public String description() {
            return tenantSlug + ": burst of script-src-elem/connect-src/img-src violations to the never-seen host "
                    + exfiltrationHost + " on " + String.join(", ", paths) + " from many distinct clients, "
                    + start + " to " + end + "; samples read document.cookie";
        }
    }

    /**
     * A policy update that dropped {@code 'unsafe-inline'} from style-src in favour of hashes that
     * miss the site's inline styles: style violations jump a few minutes after the audited change
     * and stop at the rollback; header processing time regresses in the same window.
     */
    record PolicyRegression(String tenantSlug, Instant changedAt, Instant start, Instant rolledBackAt,
                            List<String> directives) implements PlantedPattern {
        public PolicyRegression {
            directives = List.copyOf(directives);
        }

        @Override
        public String description() {
            return tenantSlug + ": " + String.join("/", directives) + " violations jump at " + start
                    + " after the policy.update audited at " + changedAt + ", until the rollback at " + rolledBackAt
                    + "; header_processing p50/p99 regress from " + changedAt + " to " + rolledBackAt;
        }
    }

    /**
     * A report-only rollout step: the tenant adds its own CDN and API hosts to the policy, and the
     * reports for them stop.
     */
    record RolloutFix(String tenantSlug, Instant start, List<String> hostsAllowed) implements PlantedPattern {
        public RolloutFix {
            hostsAllowed = List.copyOf(hostsAllowed);
        }

        @Override
        public String description() {
            return tenantSlug + ": report-only violations for " + String.join(", ", hostsAllowed)
                    + " stop after the policy.update at " + start;
        }
    }
}
