package org.secheaders.domain.compliance.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.secheaders.domain.compliance.ConfiguredVsObserved;
import org.secheaders.domain.compliance.DriftKind;
import org.secheaders.domain.compliance.DriftReport;
import org.secheaders.domain.compliance.HeaderDrift;
import org.secheaders.domain.compliance.OshpReference;
import org.secheaders.domain.csp.CspParseResult;
import org.secheaders.domain.csp.CspParser;
import org.secheaders.domain.grading.HeaderField;
import org.secheaders.domain.grading.ResponseHeaders;

/**
 * Compares configured and observed headers. Values are compared after normalising what may
 * legitimately differ between two responses of the same configuration: case and spacing of
 * tokens, and CSP nonces, which change on every response.
 */
public final class DriftDetector {
    /** Headers whose drift removes a core protection. */
    static final Set<String> CRITICAL = Set.of("content-security-policy", "strict-transport-security",
            "x-frame-options", "x-content-type-options");
    /** Security headers reported as extra when observed without being configured. */
    static final Set<String> SECURITY_HEADERS = Set.of("content-security-policy",
            "content-security-policy-report-only", "strict-transport-security", "x-frame-options",
            "x-content-type-options", "referrer-policy", "permissions-policy", "cross-origin-opener-policy",
            "cross-origin-embedder-policy", "cross-origin-resource-policy", "reporting-endpoints",
            "x-permitted-cross-domain-policies", "clear-site-data");
    private static final Pattern NONCE = Pattern.compile("'nonce-[^']*'");
    private static final Pattern SPACE_AROUND_SEPARATORS = Pattern.compile("\\s*([;,=])\\s*");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private DriftDetector() {
    }

    public static DriftReport compare(ConfiguredVsObserved pair, Optional<OshpReference> oshp) {
        Set<String> tracked = new TreeSet<>(names(pair.configured()));
        Set<String> extraCandidates = new TreeSet<>(SECURITY_HEADERS);
        extraCandidates.addAll(LeakingHeaders.names(oshp));
        names(pair.observed()).stream().filter(extraCandidates::contains).forEach(tracked::add);

        List<HeaderDrift> differences = new ArrayList<>();
        for (String name : tracked) {
            Optional<String> configured = pair.configured().combined(name);
            Optional<String> observed = pair.observed().combined(name);
            boolean critical = CRITICAL.contains(name);
            if (configured.isPresent() && observed.isEmpty()) {
                differences.add(new HeaderDrift(name, DriftKind.MISSING, configured, observed, critical));
            } else if (configured.isEmpty() && observed.isPresent()) {
                differences.add(new HeaderDrift(name, DriftKind.EXTRA, configured, observed, critical));
            } else if (configured.isPresent()
                    && !normalise(name, configured.get()).equals(normalise(name, observed.get()))) {
                differences.add(new HeaderDrift(name, DriftKind.DIFFERENT, configured, observed, critical));
            }
        }
        return new DriftReport(differences);
    }

    private static Set<String> names(ResponseHeaders headers) {
        return headers.fields().stream().map(HeaderField::name).map(n -> n.toLowerCase(Locale.ROOT))
                .filter(n -> !n.equals("set-cookie"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static String normalise(String name, String value) {
        if (name.startsWith("content-security-policy")) {
            return CspParser.parseHeader(value).stream().map(CspParseResult::policy)
                    .map(p -> NONCE.matcher(p.serialize()).replaceAll("'nonce-*'"))
                    .collect(Collectors.joining(", "));
        }
        String tight = SPACE_AROUND_SEPARATORS.matcher(value.trim()).replaceAll("$1");
        return SPACES.matcher(tight).replaceAll(" ").toLowerCase(Locale.ROOT);
    }
}
