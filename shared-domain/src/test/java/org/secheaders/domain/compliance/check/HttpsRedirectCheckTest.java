package org.secheaders.domain.compliance.check;

import static org.secheaders.domain.compliance.check.Checks.assertNotEvaluated;
import static org.secheaders.domain.compliance.check.Checks.assertOutcome;
import static org.secheaders.domain.model.CheckResult.FAIL;
import static org.secheaders.domain.model.CheckResult.NOT_APPLICABLE;
import static org.secheaders.domain.model.CheckResult.PASS;
import static org.secheaders.domain.model.CheckResult.WARNING;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.secheaders.domain.compliance.EvidenceBundle;
import org.secheaders.domain.compliance.ResponseProfile;
import org.secheaders.domain.grading.HttpProbe;
import org.secheaders.domain.grading.RedirectHop;
import org.secheaders.domain.grading.ResponseEvidence;
import org.secheaders.domain.grading.ResponseHeaders;

/** Where http:// leads, for pages and for APIs. */
class HttpsRedirectCheckTest {

    @Test
    void permanentSameHostRedirectPasses() {
        assertOutcome(PASS, "permanent_same_host_redirect", route(false, "301 http://a.example/", "200 https://a.example/"));
        assertOutcome(PASS, "permanent_same_host_redirect", route(false, "308 http://a.example/", "200 https://a.example/"));
    }

    @Test
    void weakerRedirectsWarn() {
        assertOutcome(WARNING, "temporary_redirect", route(false, "302 http://a.example/", "200 https://a.example/"));
        assertOutcome(WARNING, "off_host_first_redirect", route(false, "301 http://a.example/", "301 https://www.a.example/",
                "200 https://www.a.example/"));
        assertOutcome(WARNING, "initial_redirect_not_https", route(false, "301 http://a.example/", "301 http://www.a.example/",
                "200 https://www.a.example/"));
    }

    @Test
    void plainHttpFails() {
        assertOutcome(FAIL, "served_over_http", route(false, "200 http://a.example/"));
        assertOutcome(FAIL, "ends_on_http", route(false, "301 http://a.example/", "200 http://b.example/"));
    }

    @Test
    void apisShouldRefuseRatherThanRedirect() {
        assertOutcome(PASS, "api_refuses_plain_http", route(true, "403 http://api.example/"));
        assertOutcome(WARNING, "api_redirects", route(true, "301 http://api.example/", "200 https://api.example/"));
        assertOutcome(WARNING, "refused_without_redirect", route(false, "403 http://a.example/"));
    }

    @Test
    void missingProbeIsNotEvaluatedAndHeaderSetsCannotTell() {
        ResponseEvidence notProbed = ResponseEvidence.ofHeaders(ResponseHeaders.empty());
        assertNotEvaluated(Checks.run(HttpsRedirectCheck.ID, EvidenceBundle.observed(notProbed)));
        assertOutcome(NOT_APPLICABLE, "not_live_evidence",
                Checks.run(HttpsRedirectCheck.ID, EvidenceBundle.configured(ResponseHeaders.empty())));
        assertOutcome(PASS, "no_plain_http_listener", Checks.run(HttpsRedirectCheck.ID,
                EvidenceBundle.observed(notProbed.withHttp(new HttpProbe.Unreachable()))));
    }

    private static AtomicResult route(boolean api, String... hops) {
        List<RedirectHop> route = new ArrayList<>();
        for (String hop : hops) {
            String[] parts = hop.split(" ");
            route.add(new RedirectHop(URI.create(parts[1]), Integer.parseInt(parts[0])));
        }
        ResponseEvidence evidence = ResponseEvidence.ofHeaders(ResponseHeaders.empty())
                .withHttp(new HttpProbe.Reached(true, route));
        return Checks.run(HttpsRedirectCheck.ID,
                EvidenceBundle.observed(evidence).withProfile(new ResponseProfile(false, api, false)));
    }
}
