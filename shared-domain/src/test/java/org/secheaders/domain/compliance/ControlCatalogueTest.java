package org.secheaders.domain.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.secheaders.domain.compliance.check.AtomicChecks;
import org.secheaders.domain.model.ComplianceFramework;

/** The built-in catalogue is complete and consistent, and the reader rejects broken ones with clear messages. */
class ControlCatalogueTest {
    private final ControlCatalogue catalogue = ControlCatalogue.builtIn();

    @Test
    void sizesPerFramework() {
        Map<ComplianceFramework, Integer> sizes = new EnumMap<>(ComplianceFramework.class);
        catalogue.controls().forEach(c -> sizes.merge(c.framework(), 1, Integer::sum));
        assertEquals(Map.of(ComplianceFramework.OWASP, 20, ComplianceFramework.SOC2, 9, ComplianceFramework.GDPR, 9,
                ComplianceFramework.ISO27001, 8, ComplianceFramework.NIST, 9), sizes);
        assertEquals("1", catalogue.version());
    }

    @Test
    void everyControlReferencesExistingChecksAndEveryCheckIsUsed() {
        Set<String> known = AtomicChecks.standard().ids();
        catalogue.requireChecks(known);
        assertEquals(known, catalogue.referencedChecks());
    }

    @Test
    void soc2CoversTheRequestedCriteria() {
        assertEquals(Set.of("SOC2-CC6.1", "SOC2-CC6.6", "SOC2-CC6.7", "SOC2-CC6.8", "SOC2-CC7.1", "SOC2-CC7.2",
                        "SOC2-CC7.3", "SOC2-CC7.4", "SOC2-CC8.1"),
                Set.copyOf(catalogue.controls(ComplianceFramework.SOC2).stream().map(ControlDefinition::id).toList()));
    }

    @Test
    void owaspControlsAreTaggedAndAsvsControlsMapBothEditionsWhereTheyExist() {
        for (ControlDefinition control : catalogue.controls(ComplianceFramework.OWASP)) {
            assertFalse(control.tags().top10of2021().isEmpty(), control.id());
            assertFalse(control.tags().top10of2025().isEmpty(), control.id());
            assertFalse(control.tags().cwe().isEmpty(), control.id());
            if (control.id().startsWith("ASVS-")) {
                AsvsRequirement v5 = control.asvs().get(AsvsVersion.V5_0);
                assertEquals("ASVS-" + v5.id(), control.id());
            }
        }
        assertEquals(new AsvsRequirement("14.4.5", 1), catalogue.control("ASVS-3.4.1").orElseThrow().asvs().get(AsvsVersion.V4_0_3));
        assertFalse(catalogue.control("ASVS-3.4.7").orElseThrow().asvs().containsKey(AsvsVersion.V4_0_3));
    }

    @Test
    void everyControlSaysWhyAndWhatToDo() {
        for (ControlDefinition control : catalogue.controls()) {
            assertTrue(control.rationale().length() > 40, control.id());
            assertTrue(control.remediation().length() > 20, control.id());
            assertFalse(control.citation().isBlank(), control.id());
        }
    }

    @Test
    void theReaderListsEveryProblem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ControlCatalogue.read("""
                {"version": "x", "controls": [
                  {"framework": "OWASP", "id": "A", "name": "n", "severity": "hgh", "rule": {"type": "ratio", "passAt": 50, "warnAt": 60},
                   "checks": [{"check": "hsts.present", "failAs": "pass"}], "tags": {"top10_2021": ["A5"]},
                   "citation": "c", "rationale": "r", "remediation": "m"},
                  {"framework": "NOPE", "id": "B", "name": "n", "severity": "low", "rule": {"type": "all_pass"}, "checks": [],
                   "citation": "c", "rationale": "r", "remediation": "m"}]}"""));
        String message = e.getMessage();
        for (String problem : new String[] {"severity 'hgh'", "warnAt <= passAt", "failAs may only be 'warning'",
                "tag 'A5' does not match", "OWASP controls need", "framework 'NOPE'", "'checks' must list"}) {
            assertTrue(message.contains(problem), problem + " missing from:\n" + message);
        }
    }

    @Test
    void unknownChecksAndDuplicateIdsAreRejected() {
        String control = """
                {"framework": "NIST", "id": "X", "name": "n", "severity": "low", "rule": {"type": "all_pass"},
                 "checks": [{"check": "hsts.presnt"}], "citation": "c", "rationale": "r", "remediation": "m"}""";
        ControlCatalogue typo = ControlCatalogue.read("{\"version\": \"t\", \"controls\": [" + control + "]}");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> new ComplianceEvaluator(typo, Optional.empty()));
        assertTrue(unknown.getMessage().contains("X -> hsts.presnt"), unknown.getMessage());
        IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class,
                () -> ControlCatalogue.read("{\"version\": \"t\", \"controls\": [" + control + "," + control + "]}"));
        assertTrue(duplicate.getMessage().contains("control id X appears twice"), duplicate.getMessage());
    }
}
