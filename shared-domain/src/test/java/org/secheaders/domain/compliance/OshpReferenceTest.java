package org.secheaders.domain.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secheaders.domain.grading.HeaderField;
import org.secheaders.domain.grading.ResponseHeaders;
import org.secheaders.domain.model.CheckResult;
import org.secheaders.domain.model.ComplianceFramework;

/**
 * The OSHP lists are third-party data kept in the shared conformance folder, never in this
 * repository: these tests read them from {@code secheaders.shared.dir} and skip, saying so, without them.
 */
class OshpReferenceTest {

    @Test
    void loadsBothListsFromTheSharedFolder() {
        OshpReference oshp = OshpReference.load(conformance());
        assertEquals(13, oshp.recommended().size());
        assertEquals(87, oshp.toRemove().size());
        assertEquals(Optional.of("max-age=63072000; includeSubDomains"), oshp.recommendedValue("STRICT-TRANSPORT-SECURITY"));
        assertTrue(oshp.listsForRemoval("x-envoy-upstream-service-time"));
        assertTrue(oshp.describe().startsWith("OWASP Secure Headers Project lists of 2026-07-19"), oshp.describe());
    }

    @Test
    void theRemoveListBecomesARuleInput() {
        ComplianceEvaluator withOshp = ComplianceEvaluator.withOshp(OshpReference.load(conformance()));
        EvidenceBundle envoy = EvidenceBundle.supplied(ResponseHeaders.of("X-Envoy-Upstream-Service-Time", "12"));
        ComplianceEvaluation loaded = withOshp.evaluate(envoy, Set.of(ComplianceFramework.NIST), EvaluationOptions.defaults());
        assertEquals(CheckResult.WARNING, loaded.check("leak.headers_removed").orElseThrow().result());
        assertTrue(loaded.reference().startsWith("OWASP Secure Headers Project lists"), loaded.reference());
        ComplianceEvaluation builtIn = ComplianceEvaluator.standard().evaluate(envoy, Set.of(ComplianceFramework.NIST),
                EvaluationOptions.defaults());
        assertEquals(CheckResult.PASS, builtIn.check("leak.headers_removed").orElseThrow().result());
    }

    @Test
    void theOshpRecommendedSetPassesOwaspLevelTwoExceptForTheTopicsApi() {
        OshpReference oshp = OshpReference.load(conformance());
        ResponseHeaders recommended = new ResponseHeaders(oshp.recommended().entrySet().stream()
                .map(e -> new HeaderField(oshp.names().get(e.getKey()), e.getValue())).sorted(Comparator.comparing(HeaderField::name)).toList());
        FrameworkResult owasp = ComplianceEvaluator.withOshp(oshp).evaluate(EvidenceBundle.supplied(recommended),
                Set.of(ComplianceFramework.OWASP), EvaluationOptions.defaults()).framework(ComplianceFramework.OWASP).orElseThrow();
        assertEquals(1, owasp.counts().warnings(), owasp.statusReason());
        assertEquals(0, owasp.counts().failed(), owasp.statusReason());
        ControlResult permissions = owasp.controls().stream().filter(c -> c.controlId().equals("OSHP-PERMISSIONS-POLICY"))
                .findFirst().orElseThrow();
        assertTrue(permissions.reason().contains("features_not_named"), permissions.reason());
        assertTrue(permissions.checks().get(1).atomic().message().contains("browsing-topics"));
    }

    @Test
    void aConfiguredButUnreadableReferenceFailsLoudly(@TempDir Path empty) throws IOException {
        assertThrows(UncheckedIOException.class, () -> OshpReference.load(empty));
        Files.writeString(empty.resolve(OshpReference.ADD_FILE), "{\"headers\": []}");
        Files.writeString(empty.resolve(OshpReference.REMOVE_FILE), "{\"headers\": []}");
        assertThrows(IllegalArgumentException.class, () -> OshpReference.load(empty));
    }

    /** {@code <shared>/conformance}, or the test is skipped with the reason. */
    static Path conformance() {
        Optional<Path> folder = Stream.of(System.getProperty("secheaders.shared.dir"), "../shared", "../../shared")
                .filter(p -> p != null && !p.isBlank())
                .map(p -> Path.of(p, "conformance"))
                .filter(p -> Files.isRegularFile(p.resolve(OshpReference.ADD_FILE)))
                .findFirst();
        assumeTrue(folder.isPresent(), "skipped: OSHP lists not found; set -Dsecheaders.shared.dir to the shared folder "
                + "holding conformance/" + OshpReference.ADD_FILE);
        return folder.get();
    }
}
