package org.secheaders.domain.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.secheaders.domain.model.CheckResult.FAIL;
import static org.secheaders.domain.model.CheckResult.NOT_APPLICABLE;
import static org.secheaders.domain.model.CheckResult.PASS;
import static org.secheaders.domain.model.CheckResult.WARNING;
import static org.secheaders.domain.model.SecuritySeverity.CRITICAL;
import static org.secheaders.domain.model.SecuritySeverity.HIGH;
import static org.secheaders.domain.model.SecuritySeverity.LOW;
import static org.secheaders.domain.model.SecuritySeverity.MEDIUM;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.secheaders.domain.model.CheckResult;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.model.ComplianceStatus;
import org.secheaders.domain.model.SecuritySeverity;

/** Status boundaries and the weighted score. */
class RollUpTest {

    @Test
    void aHighOrCriticalFailureIsNonCompliantEvenWithEvidenceMissing() {
        assertStatus(ComplianceStatus.NON_COMPLIANT, control(FAIL, HIGH), control(PASS, LOW), waiting());
        assertStatus(ComplianceStatus.NON_COMPLIANT, control(FAIL, CRITICAL));
    }

    @Test
    void mediumOrLowFailuresAndWarningsArePartial() {
        assertStatus(ComplianceStatus.PARTIAL, control(FAIL, MEDIUM), control(PASS, HIGH), control(PASS, HIGH));
        assertStatus(ComplianceStatus.PARTIAL, control(WARNING, HIGH), control(PASS, LOW));
    }

    @Test
    void allPassingIsCompliantAndNotApplicableDoesNotCount() {
        assertStatus(ComplianceStatus.COMPLIANT, control(PASS, HIGH), control(NOT_APPLICABLE, CRITICAL));
    }

    @Test
    void missingEvidenceOrNothingEvaluableIsPending() {
        assertStatus(ComplianceStatus.PENDING, control(PASS, HIGH), waiting());
        assertStatus(ComplianceStatus.PENDING, control(FAIL, MEDIUM), waiting());
        assertStatus(ComplianceStatus.PENDING, control(NOT_APPLICABLE, HIGH));
        assertStatus(ComplianceStatus.PENDING);
    }

    @Test
    void aLowScoreIsNonCompliantWithoutAnyHighFailure() {
        // 4 medium failures and one medium pass: 2 of 10 points = 20.
        assertStatus(ComplianceStatus.NON_COMPLIANT, control(FAIL, MEDIUM), control(FAIL, MEDIUM), control(FAIL, MEDIUM),
                control(FAIL, MEDIUM), control(PASS, MEDIUM));
    }

    @Test
    void scoreWeighsBySeverityAndCountsWarningsHalf() {
        // earned: high pass 4 + low warning 0.5 + medium fail 0 = 4.5 of 7 → 64.3 → 64
        assertEquals(64, RollUp.score(List.of(control(PASS, HIGH), control(WARNING, LOW), control(FAIL, MEDIUM))));
        // 1 of 2 points (one low warning) → exactly 50; half-up rounding: 0.5 of 3 → 16.67 → 17
        assertEquals(50, RollUp.score(List.of(control(WARNING, LOW))));
        assertEquals(17, RollUp.score(List.of(control(WARNING, LOW), control(FAIL, LOW), control(FAIL, LOW))));
        assertEquals(100, RollUp.score(List.of(control(PASS, CRITICAL), control(NOT_APPLICABLE, LOW), waiting())));
        assertEquals(0, RollUp.score(List.of(waiting())));
        // the 60 boundary: 3 of 5 points passes the score rule
        assertEquals(60, RollUp.score(List.of(control(PASS, LOW), control(PASS, MEDIUM), control(FAIL, MEDIUM))));
        assertStatus(ComplianceStatus.PARTIAL, control(PASS, LOW), control(PASS, MEDIUM), control(FAIL, MEDIUM));
    }

    private static void assertStatus(ComplianceStatus expected, ControlResult... controls) {
        FrameworkResult result = RollUp.of(ComplianceFramework.OWASP, List.of(controls));
        assertEquals(expected, result.status(), result.statusReason());
    }

    private int counter;

    private ControlResult control(CheckResult result, SecuritySeverity severity) {
        return result(result, true, severity);
    }

    private ControlResult waiting() {
        return result(NOT_APPLICABLE, false, HIGH);
    }

    private ControlResult result(CheckResult result, boolean evaluated, SecuritySeverity severity) {
        String id = "C" + (++counter);
        return new ControlResult(ComplianceFramework.OWASP, id, id, id, result, evaluated, severity, "test",
                List.of(), new ArrayList<>(), "fix", "cite", new ControlTags(List.of(), List.of(), List.of()));
    }
}
