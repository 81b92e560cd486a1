package org.secheaders.compliance.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secheaders.compliance.testing.ComplianceTestServer.DEFAULT_SERVER;
import static org.secheaders.compliance.testing.ComplianceTestServer.OFFICER;
import static org.secheaders.compliance.testing.ComplianceTestServer.SERVER;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secheaders.compliance.testing.ComplianceScenario;
import org.secheaders.domain.compliance.run.HeaderSite;
import org.secheaders.domain.grading.HeaderField;

/**
 * {@code compliance.scanner.private.addresses} through the real tools: the default server refuses a
 * site on 127.0.0.1 without connecting to it, the server configured with {@code allow} scans it.
 */
class PrivateAddressScanTest {

    private static final String SETTING_ADVICE = "compliance.scanner.private.addresses=allow "
            + "(--compliance-scanner-private-addresses=allow or SECHEADERS_COMPLIANCE_SCANNER_PRIVATE_ADDRESSES=allow)";

    @Test
    void byDefaultALoopbackUrlIsAToolErrorNamingTheTargetTheAddressClassAndTheSetting() throws Exception {
        try (HeaderSite site = HeaderSite.start()) {
            site.page("/app", List.of(new HeaderField("X-Frame-Options", "DENY")));
            String url = site.url("/app");

            String error = DEFAULT_SERVER.failure(OFFICER, "validate_owasp_compliance",
                    Map.of("tenant", ComplianceScenario.INITECH, "url", url));

            assertEquals("'" + url + "': host resolves to a loopback address, which this deployment does not scan; "
                    + "an operator who means to scan such addresses sets " + SETTING_ADVICE, error);
            String byName = url.replace("127.0.0.1", "localhost");
            assertTrue(DEFAULT_SERVER.failure(OFFICER, "check_soc2_controls",
                    Map.of("tenant", ComplianceScenario.INITECH, "url", byName))
                    .startsWith("'" + byName + "': host resolves to a loopback address"));
            assertTrue(DEFAULT_SERVER.failure(OFFICER, "suggest_remediation",
                    Map.of("tenant", ComplianceScenario.INITECH, "url", url)).endsWith(SETTING_ADVICE));
            assertTrue(DEFAULT_SERVER.failure(OFFICER, "generate_compliance_report",
                    Map.of("tenant", ComplianceScenario.INITECH, "url", url)).endsWith(SETTING_ADVICE));
            assertEquals(0, site.requests(), "a refused target is never connected to");
        }
    }

    @Test
    void privateAddressesAllowedTheSameSiteIsScannedRedirectsIncluded() throws Exception {
        try (HeaderSite site = HeaderSite.start()) {
            site.page("/app", List.of(new HeaderField("X-Frame-Options", "DENY")));
            site.redirect("/start", site.url("/app"));

            Map<?, ?> result = SERVER.success(OFFICER, "validate_owasp_compliance",
                    Map.of("tenant", ComplianceScenario.INITECH, "url", site.url("/start")));

            Map<?, ?> target = (Map<?, ?>) result.get("target");
            assertEquals("observed", target.get("source"));
            assertEquals(List.of("302 " + site.url("/start"), "200 " + site.url("/app")), target.get("redirect_chain"));
        }
    }
}
