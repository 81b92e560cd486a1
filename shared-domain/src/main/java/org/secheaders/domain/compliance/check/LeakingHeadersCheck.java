package org.secheaders.domain.compliance.check;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.secheaders.domain.grading.HeaderField;

/**
 * {@code leak.headers_removed}: responses do not advertise the software behind them. A version
 * number ({@code nginx/1.25.3}, {@code X-AspNet-Version: 4.0.30319}) fails, because it maps straight
 * to known vulnerabilities; a banner without one is a warning. The header list is the built-in
 * one plus the OSHP remove list when that reference is loaded; the rule id says which was used.
 */
final class LeakingHeadersCheck implements AtomicCheck {
    static final String ID = "leak.headers_removed";
    private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+)+|/\\s*v?\\d");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String expected() {
        return "no Server version, X-Powered-By or other implementation headers";
    }

    @Override
    public String fix() {
        return "Remove Server version details, X-Powered-By and similar headers at the proxy.";
    }

    @Override
    public AtomicResult evaluate(EvaluationContext context) {
        Set<String> names = LeakingHeaders.names(context.oshp());
        List<HeaderField> leaking = context.response().headers().fields().stream()
                .filter(f -> names.contains(f.name().toLowerCase(Locale.ROOT)))
                .toList();
        String list = context.oshp().isPresent() ? "oshp_and_built_in_list" : "built_in_list";
        Finding finding = Finding.of(this,
                leaking.isEmpty() ? Optional.empty()
                        : Optional.of(leaking.stream().map(f -> f.name() + ": " + f.value()).collect(Collectors.joining("; "))),
                leaking.stream().map(EvidenceLines::line).toList());
        List<String> versioned = leaking.stream().filter(f -> VERSION.matcher(f.value()).find())
                .map(HeaderField::name).distinct().toList();
        if (!versioned.isEmpty()) {
            return finding.fail("version_disclosed_" + list,
                    "Version numbers disclosed in: " + String.join(", ", versioned) + ".");
        }
        if (!leaking.isEmpty()) {
            return finding.warn("banner_present_" + list, "Implementation headers sent without versions: "
                    + leaking.stream().map(HeaderField::name).distinct().collect(Collectors.joining(", ")) + ".");
        }
        return finding.pass("none_" + list, context.oshp().isPresent()
                ? "None of the OSHP remove list or built-in headers is sent."
                : "None of the built-in list of implementation headers is sent (OSHP remove list not loaded).");
    }
}
