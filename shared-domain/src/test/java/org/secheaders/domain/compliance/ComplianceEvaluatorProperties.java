package org.secheaders.domain.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.secheaders.domain.compliance.check.AtomicResult;
import org.secheaders.domain.grading.ResponseHeaders;
import org.secheaders.domain.model.CheckResult;

/** Evaluations of generated evidence: deterministic, and never made worse by a stronger header. */
class ComplianceEvaluatorProperties {
    private final ComplianceEvaluator evaluator = ComplianceEvaluator.standard();

    @Property(tries = 1000)
    void theSameBundleGivesTheSameEvaluation(@ForAll("bundles") EvidenceBundle bundle, @ForAll("options") EvaluationOptions options) {
        ComplianceEvaluation first = evaluator.evaluate(bundle, Fixtures.ALL, options);
        ComplianceEvaluation again = ComplianceEvaluator.standard().evaluate(copy(bundle), Fixtures.ALL, options);
        assertEquals(first, again);
        first.frameworks().forEach(f -> assertEquals(f.counts().total(), f.controls().size()));
    }

    @Property(tries = 1000)
    void addingNosniffNeverLowersAResult(@ForAll("bundles") EvidenceBundle bundle, @ForAll("options") EvaluationOptions options) {
        assertNotLowered(bundle, h -> h.with("X-Content-Type-Options", "nosniff"), options);
    }

    @Property(tries = 1000)
    void addingASameOriginOpenerPolicyNeverLowersAResult(@ForAll("bundles") EvidenceBundle bundle,
                                                        @ForAll("options") EvaluationOptions options) {
        assertNotLowered(bundle, h -> h.with("Cross-Origin-Opener-Policy", "same-origin"), options);
    }

    @Property(tries = 1000)
    void aLongerHstsNeverLowersAResult(@ForAll("bundles") EvidenceBundle bundle, @ForAll("options") EvaluationOptions options) {
        assertNotLowered(bundle, h -> h.with("Strict-Transport-Security", "max-age=63072000; includeSubDomains; preload"), options);
    }

    /**
     * No control or check gets a lower result: a pass stays a pass, and a result scored on both sides
     * does not drop. A failure may turn into {@code not_evaluated}: once a known failure is fixed, the
     * control honestly waits for evidence it was missing all along.
     */
    private void assertNotLowered(EvidenceBundle bundle, UnaryOperator<ResponseHeaders> strengthen, EvaluationOptions options) {
        ComplianceEvaluation before = evaluator.evaluate(bundle, Fixtures.ALL, options);
        ComplianceEvaluation after = evaluator.evaluate(bundle.mapHeaders(strengthen), Fixtures.ALL, options);
        Map<String, ControlResult> controls = after.controls().stream()
                .collect(Collectors.toMap(ControlResult::controlId, Function.identity()));
        for (ControlResult old : before.controls()) {
            ControlResult now = controls.get(old.controlId());
            assertTrue(!lowered(old.result(), old.scored(), now.result(), now.scored()),
                    old.controlId() + ": " + old.outcome() + " became " + now.outcome() + " (" + now.reason() + ")");
        }
        for (AtomicResult old : before.checks()) {
            AtomicResult now = after.check(old.id()).orElseThrow();
            assertTrue(!lowered(old.result(), scored(old), now.result(), scored(now)),
                    old.id() + ": " + old.outcome() + " became " + now.outcome() + " (" + now.message() + ")");
        }
    }

    private static boolean lowered(CheckResult before, boolean scoredBefore, CheckResult after, boolean scoredAfter) {
        if (before == CheckResult.PASS) {
            return !scoredAfter || after != CheckResult.PASS;
        }
        return scoredBefore && scoredAfter && ControlRule.rank(after) < ControlRule.rank(before);
    }

    private static boolean scored(AtomicResult result) {
        return result.evaluated() && result.result() != CheckResult.NOT_APPLICABLE;
    }

    /** An equal bundle built from fresh collections, its history lists shuffled. */
    private static EvidenceBundle copy(EvidenceBundle bundle) {
        EvidenceBundle copy = bundle.mapHeaders(h -> new ResponseHeaders(new ArrayList<>(h.fields())));
        return bundle.history().map(h -> copy.withHistory(new HistoryEvidence(h.windowStart(), h.asOf(),
                reversed(h.scans()), reversed(h.failures()), reversed(h.changes()), h.lastViolationReportAt()))).orElse(copy);
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    @Provide
    Arbitrary<EvidenceBundle> bundles() {
        return EvidenceArbitraries.bundles();
    }

    @Provide
    Arbitrary<EvaluationOptions> options() {
        return EvidenceArbitraries.options();
    }
}
