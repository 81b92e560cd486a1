package org.secheaders.domain.compliance.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.secheaders.domain.csp.CspDirective;
import org.secheaders.domain.csp.CspPolicy;
import org.secheaders.domain.grading.HeaderField;
import org.secheaders.domain.grading.ResponseHeaders;

/**
 * {@code deprecated.headers_absent}: no header or CSP directive browsers dropped (OSHP). They do no
 * harm by themselves but show an unmaintained configuration, and {@code X-XSS-Protection: 1} can
 * create leaks in old browsers; only {@code 0} is acceptable. Never worse than a warning.
 */
final class DeprecatedHeadersCheck implements AtomicCheck {
    static final String ID = "deprecated.headers_absent";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String expected() {
        return "no Feature-Policy, Expect-CT, Public-Key-Pins or deprecated CSP directives; X-XSS-Protection absent or 0";
    }

    @Override
    public String fix() {
        return "Remove deprecated headers and CSP directives; send X-XSS-Protection: 0 or nothing.";
    }

    @Override
    public AtomicResult evaluate(EvaluationContext context) {
        ResponseHeaders headers = context.response().headers();
        List<String> problems = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (HeaderField field : headers.fields()) {
            String name = field.name().toLowerCase(Locale.ROOT);
            if (Deprecations.HEADERS.containsKey(name)) {
                problems.add(field.name() + " (" + Deprecations.HEADERS.get(name) + ")");
                lines.add(EvidenceLines.line(field));
            } else if (field.name().equalsIgnoreCase(Deprecations.XSS_PROTECTION) && !field.value().trim().equals("0")) {
                problems.add("X-XSS-Protection other than 0 (the filter is gone, and in old browsers it created leaks)");
                lines.add(EvidenceLines.line(field));
            }
        }
        Set<String> directives = new TreeSet<>();
        for (CspPolicy policy : context.csp().enforced()) {
            policy.directives().stream().map(CspDirective::name).filter(Deprecations.CSP_DIRECTIVES::contains)
                    .forEach(directives::add);
        }
        if (!directives.isEmpty()) {
            problems.add("CSP directives " + String.join(", ", directives));
            lines.addAll(context.csp().lines());
        }
        Finding finding = Finding.of(this, problems.isEmpty() ? Optional.empty()
                : Optional.of(String.join("; ", problems)), lines);
        return problems.isEmpty()
                ? finding.pass("none", "No deprecated header or directive.")
                : finding.warn("deprecated_present", "Deprecated: " + String.join("; ", problems) + ".");
    }
}
