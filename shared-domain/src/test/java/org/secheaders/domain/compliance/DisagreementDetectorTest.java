package org.secheaders.domain.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.secheaders.domain.grading.ResponseHeaders;
import org.secheaders.domain.model.ComplianceFramework;

/** Where the Observatory and the CSP validator part ways, each case reported with both views. */
class DisagreementDetectorTest {
    private final ComplianceEvaluator evaluator = ComplianceEvaluator.standard();

    @Test
    void strictDynamicWithoutNonce() {
        Disagreement d = only("default-src 'self'; script-src 'strict-dynamic'; object-src 'none'; base-uri 'none'");
        assertEquals(DisagreementKind.STRICT_DYNAMIC_WITHOUT_NONCE, d.kind());
        assertEquals("csp-header-invalid (-25, fail)", d.observatory());
        assertEquals("401 STRICT_DYNAMIC_NOT_STANDALONE (INFO) on script-src", d.validator());
        assertEquals(DisagreementKind.STRICT_DYNAMIC_WITHOUT_NONCE.position(), d.position());
    }

    @Test
    void unsafeInlineNextToANonce() {
        assertEquals(List.of(DisagreementKind.UNSAFE_INLINE_IGNORED), kinds(
                "script-src 'nonce-abcdefgh12' 'unsafe-inline' 'strict-dynamic'; object-src 'none'; base-uri 'none'"));
        assertEquals(List.of(DisagreementKind.UNSAFE_INLINE_FALLBACK_ADVICE), kinds(
                "script-src 'nonce-abcdefgh12' 'strict-dynamic'; object-src 'none'; base-uri 'none'"));
    }

    @Test
    void theValidatorSeesWhatTheObservatoryIgnores() {
        Disagreement d = only("default-src 'none'; script-src-elem 'unsafe-inline'");
        assertEquals(DisagreementKind.VALIDATOR_STRICTER, d.kind());
        assertEquals("csp-implemented-with-no-unsafe-default-src-none (+10, pass)", d.observatory());
        assertTrue(d.validator().contains("301 SCRIPT_UNSAFE_INLINE (HIGH) on script-src-elem"), d.validator());
    }

    @Test
    void theObservatoryPenalisesWhatTheValidatorRatesLower() {
        Disagreement d = only("default-src 'self'; script-src 'self' 'unsafe-eval'; object-src 'none'; base-uri 'none'");
        assertEquals(DisagreementKind.OBSERVATORY_STRICTER, d.kind());
        assertEquals("csp-implemented-with-unsafe-eval (-10, fail)", d.observatory());
    }

    @Test
    void agreementAndAbsenceGiveNothing() {
        assertEquals(List.of(), kinds("default-src 'self' 'unsafe-inline'"));
        assertEquals(List.of(), evaluator.evaluate(EvidenceBundle.supplied(ResponseHeaders.empty()),
                Set.of(ComplianceFramework.OWASP), EvaluationOptions.defaults()).disagreements());
    }

    private Disagreement only(String policy) {
        List<Disagreement> all = disagreements(policy);
        assertEquals(1, all.size(), all.toString());
        return all.get(0);
    }

    private List<DisagreementKind> kinds(String policy) {
        return disagreements(policy).stream().map(Disagreement::kind).toList();
    }

    private List<Disagreement> disagreements(String policy) {
        return evaluator.evaluate(EvidenceBundle.supplied(ResponseHeaders.of("Content-Security-Policy", policy)),
                Set.of(ComplianceFramework.OWASP), EvaluationOptions.defaults()).disagreements();
    }
}
