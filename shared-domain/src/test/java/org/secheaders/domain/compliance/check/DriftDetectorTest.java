package org.secheaders.domain.compliance.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.secheaders.domain.compliance.check.Checks.assertNotEvaluated;
import static org.secheaders.domain.compliance.check.Checks.assertOutcome;
import static org.secheaders.domain.model.CheckResult.FAIL;
import static org.secheaders.domain.model.CheckResult.PASS;
import static org.secheaders.domain.model.CheckResult.WARNING;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.secheaders.domain.compliance.ConfiguredVsObserved;
import org.secheaders.domain.compliance.DriftKind;
import org.secheaders.domain.compliance.DriftReport;
import org.secheaders.domain.compliance.EvidenceBundle;
import org.secheaders.domain.compliance.HeaderDrift;
import org.secheaders.domain.grading.ResponseHeaders;

class DriftDetectorTest {
    private static final ResponseHeaders CONFIGURED = ResponseHeaders.of(
            "Content-Security-Policy", "script-src 'nonce-AAAAAAAAAA' 'strict-dynamic'; object-src 'none'",
            "Strict-Transport-Security", "max-age=63072000; includeSubDomains",
            "Referrer-Policy", "no-referrer");

    @Test
    void noncesCaseAndSpacingAreNotDrift() {
        ResponseHeaders observed = ResponseHeaders.of(
                "content-security-policy", "script-src  'nonce-BBBBBBBBBB' 'strict-dynamic' ;object-src 'none'",
                "Strict-Transport-Security", "max-age=63072000;includesubdomains",
                "Referrer-Policy", "No-Referrer", "Date", "Mon, 1 Jan 2026 00:00:00 GMT", "Set-Cookie", "a=1");
        DriftReport report = DriftDetector.compare(new ConfiguredVsObserved(CONFIGURED, observed), Optional.empty());
        assertFalse(report.hasDrift(), report.toString());
    }

    @Test
    void missingDifferentAndExtraHeadersAreReportedInNameOrder() {
        ResponseHeaders observed = ResponseHeaders.of(
                "Content-Security-Policy", "script-src 'self'; object-src 'none'",
                "Referrer-Policy", "no-referrer", "X-Frame-Options", "DENY", "Server", "nginx", "X-Request-Id", "1");
        DriftReport report = DriftDetector.compare(new ConfiguredVsObserved(CONFIGURED, observed), Optional.empty());
        assertEquals(List.of(
                new HeaderDrift("content-security-policy", DriftKind.DIFFERENT,
                        Optional.of("script-src 'nonce-AAAAAAAAAA' 'strict-dynamic'; object-src 'none'"),
                        Optional.of("script-src 'self'; object-src 'none'"), true),
                new HeaderDrift("server", DriftKind.EXTRA, Optional.empty(), Optional.of("nginx"), false),
                new HeaderDrift("strict-transport-security", DriftKind.MISSING,
                        Optional.of("max-age=63072000; includeSubDomains"), Optional.empty(), true),
                new HeaderDrift("x-frame-options", DriftKind.EXTRA, Optional.empty(), Optional.of("DENY"), true)),
                report.differences());
    }

    @Test
    void theDriftCheckFailsOnCoreHeadersOnly() {
        assertOutcome(PASS, "no_drift", run(CONFIGURED, CONFIGURED));
        assertOutcome(WARNING, "drift", run(CONFIGURED, CONFIGURED.with("Referrer-Policy", "strict-origin")));
        assertOutcome(FAIL, "critical_drift", run(CONFIGURED, CONFIGURED.with("Strict-Transport-Security", "max-age=60")));
        assertNotEvaluated(Checks.run(DriftCheck.ID, EvidenceBundle.supplied(CONFIGURED)));
    }

    private static AtomicResult run(ResponseHeaders configured, ResponseHeaders observed) {
        return Checks.run(DriftCheck.ID, EvidenceBundle.supplied(observed).withDrift(new ConfiguredVsObserved(configured, observed)));
    }
}
