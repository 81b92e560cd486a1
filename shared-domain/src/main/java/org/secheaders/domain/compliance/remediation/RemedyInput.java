package org.secheaders.domain.compliance.remediation;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.secheaders.domain.compliance.EvaluationOptions;
import org.secheaders.domain.compliance.OshpReference;
import org.secheaders.domain.compliance.check.CookieLine;
import org.secheaders.domain.compliance.check.CspEvidence;
import org.secheaders.domain.grading.ResponseHeaders;

/**
 * What remedies read: the response as evaluated and the atomic checks to fix.
 *
 * @param failing the atomic checks behind failing or warning controls
 */
record RemedyInput(ResponseHeaders headers, CspEvidence csp, List<CookieLine> cookies, Set<String> failing,
                   EvaluationOptions options, Optional<OshpReference> oshp) {

    boolean failing(String check) {
        return failing.contains(check);
    }

    boolean anyFailing(Set<String> checks) {
        return checks.stream().anyMatch(failing::contains);
    }

    /** OSHP's recommended value when the reference is loaded, else the built-in one. */
    String recommended(String header, String builtIn) {
        return oshp.flatMap(reference -> reference.recommendedValue(header)).orElse(builtIn);
    }
}
