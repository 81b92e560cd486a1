package org.secheaders.compliance.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secheaders.compliance.testing.ComplianceTestServer.ACME_ADMIN;
import static org.secheaders.compliance.testing.ComplianceTestServer.OFFICER;
import static org.secheaders.compliance.testing.ComplianceTestServer.SERVER;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secheaders.compliance.testing.ComplianceScenario;

class VerifyGdprHeadersToolTest {

    private static final String TOOL = "verify_gdpr_headers";

    @Test
    void headersGivenAsAnObjectAreJudgedAgainstGdpr() {
        Map<?, ?> result = SERVER.success(ACME_ADMIN, TOOL, Map.of("tenant", ComplianceScenario.ACME, "headers", Map.of(
                "Referrer-Policy", "unsafe-url",
                "Strict-Transport-Security", "max-age=63072000; includeSubDomains",
                "Set-Cookie", List.of("sid=abc; Secure; HttpOnly; SameSite=Lax", "prefs=dark"))));

        assertEquals("gdpr", result.get("framework"));
        assertEquals(9, ((List<?>) result.get("controls")).size());
        List<?> failures = (List<?>) result.get("top_failures");
        assertTrue(failures.stream().map(Map.class::cast).anyMatch(f -> f.get("check_id").equals("referrer.privacy")),
                failures::toString);
        assertTrue(((List<?>) ((Map<?, ?>) result.get("target")).get("header_lines"))
                .contains("Set-Cookie: prefs=[redacted]"));
        assertTrue(((String) result.get("disclaimer")).contains("GDPR"));
    }

    @Test
    void badHeaderValuesNameTheArgument() {
        String message = SERVER.failure(OFFICER, TOOL, Map.of("tenant", ComplianceScenario.ACME, "headers",
                Map.of("X-Frame-Options", 3)));
        assertTrue(message.contains("headers"), message);
    }
}
