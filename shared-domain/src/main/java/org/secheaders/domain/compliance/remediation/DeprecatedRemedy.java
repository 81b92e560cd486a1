package org.secheaders.domain.compliance.remediation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.secheaders.domain.compliance.check.Deprecations;
import org.secheaders.domain.csp.CspDirective;
import org.secheaders.domain.csp.CspPolicy;
import org.secheaders.domain.grading.HeaderField;

/** Removes deprecated headers and CSP directives, and turns X-XSS-Protection off. */
final class DeprecatedRemedy implements Remedy {

    @Override
    public Set<String> addresses() {
        return Set.of("deprecated.headers_absent");
    }

    @Override
    public List<Proposal> propose(RemedyInput input) {
        if (!input.failing("deprecated.headers_absent")) {
            return List.of();
        }
        List<HeaderPatch> patches = new ArrayList<>();
        Set<String> removed = new TreeSet<>();
        for (HeaderField field : input.headers().fields()) {
            if (Deprecations.HEADERS.containsKey(field.name().toLowerCase(Locale.ROOT))
                    && removed.add(field.name().toLowerCase(Locale.ROOT))) {
                patches.add(new HeaderPatch.RemoveHeader(field.name()));
            }
        }
        if (input.headers().first(Deprecations.XSS_PROTECTION).filter(v -> !v.trim().equals("0")).isPresent()) {
            patches.add(new HeaderPatch.SetHeader(Deprecations.XSS_PROTECTION, "0"));
        }
        Set<String> directives = new TreeSet<>();
        for (CspPolicy policy : input.csp().headerPolicies()) {
            policy.directives().stream().map(CspDirective::name).filter(Deprecations.CSP_DIRECTIVES::contains)
                    .forEach(directives::add);
        }
        if (!directives.isEmpty()) {
            patches.add(new HeaderPatch.EditCsp(directives.stream().<DirectiveEdit>map(DirectiveEdit.Drop::new).toList()));
        }
        if (patches.isEmpty()) {
            return List.of();
        }
        return List.of(new Proposal("deprecated headers", addresses(), List.of(new Candidate(patches,
                "Browsers ignore these; X-XSS-Protection: 0 switches off a filter that created leaks in old browsers."))));
    }
}
