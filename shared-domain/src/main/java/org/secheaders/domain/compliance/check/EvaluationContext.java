package org.secheaders.domain.compliance.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.secheaders.domain.compliance.ConfiguredVsObserved;
import org.secheaders.domain.compliance.DriftReport;
import org.secheaders.domain.compliance.EvaluationOptions;
import org.secheaders.domain.compliance.EvidenceBundle;
import org.secheaders.domain.compliance.HistoryEvidence;
import org.secheaders.domain.compliance.OshpReference;
import org.secheaders.domain.compliance.ResponseCapture;
import org.secheaders.domain.grading.ResponseEvidence;

/**
 * One evaluation's working state: the evidence, the options, and every atomic result and parsed
 * header computed so far. Each check runs at most once; controls of every framework, and checks
 * that build on other checks, read the memoized result. Not thread-safe: one per evaluation.
 */
public final class EvaluationContext {
    private final EvidenceBundle bundle;
    private final EvaluationOptions options;
    private final Optional<OshpReference> oshp;
    private final AtomicChecks checks;
    private final Map<String, AtomicResult> results = new HashMap<>();
    private final Set<String> running = new HashSet<>();
    private CspEvidence csp;
    private List<CookieLine> cookies;
    private DriftReport drift;

    public EvaluationContext(EvidenceBundle bundle, EvaluationOptions options, Optional<OshpReference> oshp,
                             AtomicChecks checks) {
        this.bundle = bundle;
        this.options = options;
        this.oshp = oshp;
        this.checks = checks;
    }

    /** The check's result, computed on first use; missing evidence gives {@code not_evaluated} without running it. */
    public AtomicResult result(String checkId) {
        AtomicResult known = results.get(checkId);
        if (known != null) {
            return known;
        }
        AtomicCheck check = checks.get(checkId);
        if (!running.add(checkId)) {
            throw new IllegalStateException("atomic checks depend on each other in a cycle through " + checkId);
        }
        AtomicResult result = missingEvidence(check.need())
                .map(reason -> AtomicResult.notEvaluated(checkId, check.expected(), reason))
                .orElseGet(() -> check.evaluate(this));
        running.remove(checkId);
        results.put(checkId, result);
        return result;
    }

    /** Every result computed so far, sorted by check id. */
    public List<AtomicResult> computed() {
        List<AtomicResult> all = new ArrayList<>(results.values());
        all.sort(Comparator.comparing(AtomicResult::id));
        return all;
    }

    public EvidenceBundle bundle() {
        return bundle;
    }

    public EvaluationOptions options() {
        return options;
    }

    public Optional<OshpReference> oshp() {
        return oshp;
    }

    /** The captured response; only checks whose {@link EvidenceNeed} is {@code RESPONSE} call this. */
    public ResponseEvidence response() {
        return bundle.evidence().orElseThrow(() -> new IllegalStateException("no response was captured"));
    }

    public HistoryEvidence history() {
        return bundle.history().orElseThrow(() -> new IllegalStateException("no history was supplied"));
    }

    public CspEvidence csp() {
        if (csp == null) {
            csp = CspEvidence.of(response());
        }
        return csp;
    }

    /** The response's cookies, in the order set. */
    public List<CookieLine> cookies() {
        if (cookies == null) {
            cookies = CookieLine.all(response().headers());
        }
        return cookies;
    }

    /** Configured vs observed, when the bundle carries the pair. */
    public Optional<DriftReport> drift() {
        Optional<ConfiguredVsObserved> pair = bundle.drift();
        if (pair.isPresent() && drift == null) {
            drift = DriftDetector.compare(pair.get(), oshp);
        }
        return Optional.ofNullable(drift);
    }

    private Optional<String> missingEvidence(EvidenceNeed need) {
        return switch (need) {
            case RESPONSE -> bundle.response() instanceof ResponseCapture.Unavailable unavailable
                    ? Optional.of("no response evidence: " + unavailable.reason())
                    : Optional.empty();
            case HISTORY -> bundle.history().isEmpty()
                    ? Optional.of("no scan or change history was supplied")
                    : Optional.empty();
            case DRIFT -> bundle.drift().isEmpty()
                    ? Optional.of("no configured-vs-observed pair was supplied")
                    : Optional.empty();
        };
    }
}
