package org.secheaders.domain.scan;

import java.util.List;
import org.secheaders.domain.grading.RedirectHop;

/**
 * Ends a fetch with a reason a scan reports instead of evidence. An exception so that the fetch
 * code reads straight through; {@link HeaderScanner#scan} turns every one into a
 * {@link ScanResult.NotEvaluated}, so none escapes the package.
 */
final class ScanAbort extends Exception {
    private final NotEvaluatedReason reason;
    private final List<RedirectHop> routeSoFar;

    ScanAbort(NotEvaluatedReason reason, String message) {
        this(reason, message, List.of());
    }

    private ScanAbort(NotEvaluatedReason reason, String message, List<RedirectHop> routeSoFar) {
        // Expected outcomes, not bugs: no stack trace to fill in.
        super(message, null, false, false);
        this.reason = reason;
        this.routeSoFar = List.copyOf(routeSoFar);
    }

    /** The same failure, having happened after these hops answered. */
    ScanAbort after(List<RedirectHop> hops) {
        return new ScanAbort(reason, getMessage(), hops);
    }

    NotEvaluatedReason reason() {
        return reason;
    }

    /** The hops that answered before the failure; empty when the first request failed. */
    List<RedirectHop> routeSoFar() {
        return routeSoFar;
    }

    ScanResult.NotEvaluated result() {
        return new ScanResult.NotEvaluated(reason, getMessage());
    }
}
