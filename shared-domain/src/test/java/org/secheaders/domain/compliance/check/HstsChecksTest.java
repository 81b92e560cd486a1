package org.secheaders.domain.compliance.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.secheaders.domain.compliance.check.Checks.assertOutcome;
import static org.secheaders.domain.compliance.check.Checks.headers;
import static org.secheaders.domain.model.CheckResult.FAIL;
import static org.secheaders.domain.model.CheckResult.PASS;
import static org.secheaders.domain.model.CheckResult.WARNING;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.secheaders.domain.compliance.EvidenceBundle;
import org.secheaders.domain.grading.HttpsProbe;
import org.secheaders.domain.grading.ResponseEvidence;
import org.secheaders.domain.grading.ResponseHeaders;
import org.secheaders.domain.model.CheckResult;

/** The HSTS checks: presence, the one-year and six-month boundaries, subdomains, preload eligibility. */
class HstsChecksTest {
    private static final String HSTS = "Strict-Transport-Security";

    @ParameterizedTest
    @CsvSource({
            "max-age=31536000, PASS, at_least_one_year",
            "max-age=31535999, WARNING, between_six_months_and_one_year",
            "max-age=15552000, WARNING, between_six_months_and_one_year",
            "max-age=15551999, FAIL, below_six_months",
            "max-age=\"63072000\", PASS, at_least_one_year",
            "MAX-AGE=99999999999999999999999, PASS, at_least_one_year"})
    void maxAgeBoundaries(String value, String result, String rule) {
        assertOutcome(CheckResult.valueOf(result), rule,
                headers(HstsMaxAgeCheck.ID, HSTS, value));
    }

    @Test
    void includeSubDomainsIsCaseInsensitiveAndRequired() {
        assertOutcome(PASS, "include_subdomains",
                headers(HstsIncludeSubDomainsCheck.ID, HSTS, "max-age=31536000; INCLUDESUBDOMAINS"));
        assertOutcome(FAIL, "no_include_subdomains", headers(HstsIncludeSubDomainsCheck.ID, HSTS, "max-age=31536000"));
    }

    @Test
    void absentInvalidAndZeroPoliciesFailEveryHstsCheck() {
        for (String id : List.of(HstsPresentCheck.ID, HstsMaxAgeCheck.ID, HstsIncludeSubDomainsCheck.ID, HstsPreloadCheck.ID)) {
            assertOutcome(FAIL, "absent", headers(id, "X-Other", "1"));
            assertOutcome(FAIL, "invalid", headers(id, HSTS, "includeSubDomains"));
            assertOutcome(FAIL, "invalid", headers(id, HSTS, "max-age=1; max-age=2"));
            assertOutcome(FAIL, "invalid", headers(id, HSTS, "max-age=abc"));
            assertOutcome(FAIL, "max_age_zero", headers(id, HSTS, "max-age=0; includeSubDomains"));
        }
    }

    @Test
    void unknownDirectivesAreIgnoredAndASecondHeaderIsNotRead() {
        assertOutcome(PASS, "present", headers(HstsPresentCheck.ID, HSTS, "max-age=300; foo=bar"));
        // Sent twice and joined: RFC 6797 §8.1 processes only the first.
        assertOutcome(FAIL, "below_six_months",
                headers(HstsMaxAgeCheck.ID, HSTS, "max-age=300", HSTS, "max-age=63072000"));
    }

    @Test
    void hstsIsReadFromTheHttpsResponseOnly() {
        ResponseEvidence noHttps = ResponseEvidence.ofHeaders(ResponseHeaders.of(HSTS, "max-age=63072000"))
                .withHttps(new HttpsProbe.Unreachable());
        assertOutcome(FAIL, "no_https", Checks.run(HstsPresentCheck.ID, EvidenceBundle.observed(noHttps)));
        ResponseEvidence badCertificate = ResponseEvidence.ofHeaders(ResponseHeaders.empty())
                .withHttps(new HttpsProbe.Reached(ResponseHeaders.of(HSTS, "max-age=63072000"), false));
        assertOutcome(FAIL, "invalid_certificate", Checks.run(HstsPresentCheck.ID, EvidenceBundle.observed(badCertificate)));
    }

    @Test
    void preloadNeedsAYearSubdomainsAndTheToken() {
        assertOutcome(PASS, "preload_eligible",
                headers(HstsPreloadCheck.ID, HSTS, "max-age=31536000; includeSubDomains; preload"));
        AtomicResult missing = headers(HstsPreloadCheck.ID, HSTS, "max-age=31535999; preload");
        assertOutcome(FAIL, "not_preload_eligible", missing);
        assertEquals("Missing for preloading: max-age of a year, includeSubDomains.", missing.message());
    }

    @Test
    void evidenceCarriesTheRawLine() {
        AtomicResult result = headers(HstsPresentCheck.ID, HSTS, "max-age=300");
        assertEquals(List.of("Strict-Transport-Security: max-age=300"), result.evidence());
        assertEquals("max-age=300", result.observed().orElseThrow());
        assertOutcome(WARNING, "between_six_months_and_one_year", headers(HstsMaxAgeCheck.ID, HSTS, "max-age=20000000"));
    }
}
