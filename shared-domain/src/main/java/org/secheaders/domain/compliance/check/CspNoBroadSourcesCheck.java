package org.secheaders.domain.compliance.check;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.secheaders.domain.validation.CspFinding;
import org.secheaders.domain.validation.FindingSeverity;
import org.secheaders.domain.validation.FindingType;

/**
 * {@code csp.no_broad_sources}: directives that can run script ({@code script-src}, {@code object-src},
 * {@code base-uri}) do not allow {@code *}, {@code data:}, {@code http:} or {@code https:}. Hosts known
 * to serve JSONP or old AngularJS (the CSP validator's bypass list) are a warning.
 */
final class CspNoBroadSourcesCheck implements AtomicCheck {
    static final String ID = "csp.no_broad_sources";
    private static final Set<FindingType> BROAD = Set.of(FindingType.PLAIN_WILDCARD, FindingType.PLAIN_URL_SCHEMES);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String expected() {
        return "no *, data:, http: or https: in script-src, object-src or base-uri";
    }

    @Override
    public String fix() {
        return "Remove *, data:, http: and https: from script-src, object-src and base-uri.";
    }

    @Override
    public AtomicResult evaluate(EvaluationContext context) {
        CspEvidence csp = context.csp();
        Finding finding = Finding.of(this, csp.observed(), csp.lines());
        if (!csp.hasEnforced()) {
            return finding.fail("no_policy", "No enforced CSP, so scripts may load from anywhere.");
        }
        if (csp.sharedWeakness(FindingType.MISSING_DIRECTIVES, "script-src")) {
            return finding.fail("scripts_unrestricted", "No policy has script-src or default-src.");
        }
        Set<String> broad = new TreeSet<>();
        for (CspFinding weakness : csp.sharedWeaknesses()) {
            if (BROAD.contains(weakness.type())) {
                broad.add(weakness.directive() + " " + weakness.value().orElse(""));
            }
        }
        if (!broad.isEmpty()) {
            return finding.fail("broad_sources", "Any site qualifies as a script source: " + String.join(", ", broad) + ".");
        }
        if (csp.everyPolicyHas(CspNoBroadSourcesCheck::knownBypass)) {
            List<String> hosts = csp.findingsPerPolicy().get(0).stream().filter(CspNoBroadSourcesCheck::knownBypass)
                    .map(f -> f.value().orElse(f.directive())).distinct().sorted().toList();
            return finding.warn("allowlist_bypass", "Allowed hosts serve content that can bypass the allowlist: "
                    + String.join(", ", hosts) + ".");
        }
        return finding.pass("no_broad_sources", "Script-capable directives name specific sources only.");
    }

    /** A host on the validator's bypass list (HIGH); unknown hosts only "may be bypassable" and do not count. */
    private static boolean knownBypass(CspFinding finding) {
        return (finding.type() == FindingType.SCRIPT_ALLOWLIST_BYPASS || finding.type() == FindingType.OBJECT_ALLOWLIST_BYPASS)
                && finding.severity() == FindingSeverity.HIGH;
    }
}
