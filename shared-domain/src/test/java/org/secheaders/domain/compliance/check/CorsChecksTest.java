package org.secheaders.domain.compliance.check;

import static org.secheaders.domain.compliance.check.Checks.assertNotEvaluated;
import static org.secheaders.domain.compliance.check.Checks.assertOutcome;
import static org.secheaders.domain.compliance.check.Checks.headers;
import static org.secheaders.domain.model.CheckResult.FAIL;
import static org.secheaders.domain.model.CheckResult.NOT_APPLICABLE;
import static org.secheaders.domain.model.CheckResult.PASS;
import static org.secheaders.domain.model.CheckResult.WARNING;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.secheaders.domain.compliance.EvaluationOptions;
import org.secheaders.domain.compliance.EvidenceBundle;
import org.secheaders.domain.compliance.TenantExpectations;
import org.secheaders.domain.grading.CorsProbe;
import org.secheaders.domain.grading.ResponseEvidence;
import org.secheaders.domain.grading.ResponseHeaders;

/** CORS answers to a foreign origin and to {@code null}. */
class CorsChecksTest {
    private static final String ACAO = "Access-Control-Allow-Origin";
    private static final String ACAC = "Access-Control-Allow-Credentials";
    private static final String FOREIGN = "https://evil.example";

    @Test
    void wildcardWarnsAndFailsWithCredentials() {
        assertOutcome(WARNING, "public_wildcard", headers(CorsWildcardCheck.ID, ACAO, "*"));
        assertOutcome(FAIL, "wildcard_with_credentials", headers(CorsWildcardCheck.ID, ACAO, "*", ACAC, "TRUE"));
        assertOutcome(PASS, "no_wildcard", headers(CorsWildcardCheck.ID));
        assertNotEvaluated(Checks.run(CorsWildcardCheck.ID, live()));
    }

    @Test
    void anEchoedForeignOriginFails() {
        assertOutcome(FAIL, "reflected_with_credentials", Checks.run(CorsReflectionCheck.ID,
                live().withCorsProbe(new CorsProbe(FOREIGN, ResponseHeaders.of(ACAO, FOREIGN, ACAC, "true")))));
        assertOutcome(FAIL, "reflected", Checks.run(CorsReflectionCheck.ID,
                live().withCorsProbe(new CorsProbe(FOREIGN, ResponseHeaders.of(ACAO, FOREIGN)))));
        assertOutcome(PASS, "not_reflected", Checks.run(CorsReflectionCheck.ID,
                live().withCorsProbe(new CorsProbe(FOREIGN, ResponseHeaders.of(ACAO, "https://app.example")))));
        EvaluationOptions trusted = EvaluationOptions.defaults().withTenant(TenantExpectations.none().withTrustedOrigins(Set.of(FOREIGN)));
        assertOutcome(PASS, "not_reflected", Checks.run(CorsReflectionCheck.ID,
                live().withCorsProbe(new CorsProbe(FOREIGN, ResponseHeaders.of(ACAO, FOREIGN, ACAC, "true"))), trusted));
    }

    @Test
    void reflectionNeedsALiveProbe() {
        assertNotEvaluated(Checks.run(CorsReflectionCheck.ID, live()));
        assertOutcome(NOT_APPLICABLE, "not_live_evidence", headers(CorsReflectionCheck.ID, ACAO, "https://app.example"));
    }

    @Test
    void theNullOriginIsNeverGranted() {
        assertOutcome(FAIL, "null_origin_allowed", Checks.run(CorsNullOriginCheck.ID,
                live().withCorsProbe(new CorsProbe("null", ResponseHeaders.of(ACAO, "null")))));
        assertOutcome(PASS, "null_origin_refused", Checks.run(CorsNullOriginCheck.ID,
                live().withCorsProbe(new CorsProbe("null", ResponseHeaders.empty()))));
        assertOutcome(FAIL, "null_origin_allowed", headers(CorsNullOriginCheck.ID, ACAO, "null"));
        assertOutcome(NOT_APPLICABLE, "not_live_evidence", headers(CorsNullOriginCheck.ID));
        assertNotEvaluated(Checks.run(CorsNullOriginCheck.ID, live()));
    }

    private static EvidenceBundle live() {
        return EvidenceBundle.observed(ResponseEvidence.ofHeaders(ResponseHeaders.empty()));
    }
}
