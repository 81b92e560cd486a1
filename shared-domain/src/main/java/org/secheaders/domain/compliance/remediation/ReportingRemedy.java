package org.secheaders.domain.compliance.remediation;

import java.util.List;
import java.util.Set;

import org.secheaders.domain.compliance.check.CspEvidence;

/**
 * {@code report-to} on an existing CSP header, with the {@code Reporting-Endpoints} group pointing
 * at the tenant's collector. Without a declared collector URL nothing can be proposed.
 */
final class ReportingRemedy implements Remedy {
    static final String ENDPOINTS = "Reporting-Endpoints";

    @Override
    public Set<String> addresses() {
        return Set.of("csp.reporting");
    }

    @Override
    public List<Proposal> propose(RemedyInput input) {
        if (input.csp().headerPolicies().isEmpty() || !input.failing("csp.reporting")
                || input.options().tenant().reportingEndpoint().isEmpty()) {
            return List.of();
        }
        DirectiveEdit reportTo = new DirectiveEdit.Amend("report-to", List.of(CspBaselineRemedy.REPORT_GROUP), List.of());
        return List.of(new Proposal(CspEvidence.HEADER + " report-to", addresses(), List.of(new Candidate(
                List.of(new HeaderPatch.EditCsp(List.of(reportTo)), endpoints(input)),
                "Violations reach the tenant's report collector, where they are monitored."))));
    }

    /** The Reporting-Endpoints header with the collector added to whatever groups it already defines. */
    static HeaderPatch endpoints(RemedyInput input) {
        String url = input.options().tenant().reportingEndpoint().orElseThrow();
        String collector = CspBaselineRemedy.REPORT_GROUP + "=\"" + url + "\"";
        String value = input.headers().first(ENDPOINTS).filter(v -> !v.isBlank())
                .map(v -> v + ", " + collector).orElse(collector);
        return new HeaderPatch.SetHeader(ENDPOINTS, value);
    }
}
