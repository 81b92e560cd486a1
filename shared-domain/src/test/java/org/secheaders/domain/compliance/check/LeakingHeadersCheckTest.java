package org.secheaders.domain.compliance.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.secheaders.domain.compliance.check.Checks.assertOutcome;
import static org.secheaders.domain.compliance.check.Checks.headers;
import static org.secheaders.domain.model.CheckResult.FAIL;
import static org.secheaders.domain.model.CheckResult.PASS;
import static org.secheaders.domain.model.CheckResult.WARNING;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.secheaders.domain.compliance.EvidenceBundle;
import org.secheaders.domain.compliance.OshpReference;
import org.secheaders.domain.grading.ResponseHeaders;

/** Implementation banners: versions fail, bare banners warn; the OSHP list extends the built-in one. */
class LeakingHeadersCheckTest {
    private static final OshpReference OSHP = new OshpReference("test", Map.of(), Map.of(), Set.of("x-kong-upstream-latency"));

    @Test
    void versionsFailAndBannersWarn() {
        assertOutcome(FAIL, "version_disclosed_built_in_list", headers(LeakingHeadersCheck.ID, "Server", "nginx/1.25.3"));
        assertOutcome(FAIL, "version_disclosed_built_in_list", headers(LeakingHeadersCheck.ID, "X-AspNet-Version", "4.0.30319"));
        assertOutcome(FAIL, "version_disclosed_built_in_list", headers(LeakingHeadersCheck.ID, "X-Powered-By", "PHP/8"));
        AtomicResult banner = headers(LeakingHeadersCheck.ID, "Server", "cloudflare");
        assertOutcome(WARNING, "banner_present_built_in_list", banner);
        assertEquals("Server: cloudflare", banner.evidence().get(0));
        assertOutcome(PASS, "none_built_in_list", headers(LeakingHeadersCheck.ID, "Via", "1.1 varnish"));
    }

    @Test
    void theOshpRemoveListIsUsedWhenLoaded() {
        EvidenceBundle kong = EvidenceBundle.supplied(ResponseHeaders.of("X-Kong-Upstream-Latency", "5"));
        assertOutcome(PASS, "none_built_in_list", Checks.run(LeakingHeadersCheck.ID, kong));
        assertOutcome(WARNING, "banner_present_oshp_and_built_in_list", Checks.run(LeakingHeadersCheck.ID, kong, OSHP));
        assertOutcome(FAIL, "version_disclosed_oshp_and_built_in_list",
                Checks.run(LeakingHeadersCheck.ID, EvidenceBundle.supplied(ResponseHeaders.of("Server", "Apache/2.4")), OSHP));
    }
}
