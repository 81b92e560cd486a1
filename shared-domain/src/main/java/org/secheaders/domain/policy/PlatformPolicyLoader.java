package org.secheaders.domain.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.secheaders.domain.csp.CspDirective;
import org.secheaders.domain.csp.CspKeyword;
import org.secheaders.domain.csp.CspPolicy;
import org.secheaders.domain.csp.KnownDirective;
import org.secheaders.domain.csp.SourceExpression;

/** Validates a {@link PlatformPolicySpec} and builds the {@link PlatformPolicy}, collecting every problem. */
final class PlatformPolicyLoader {
    private static final SourceExpression STRICT_DYNAMIC = new SourceExpression.Keyword(CspKeyword.STRICT_DYNAMIC);

    private final List<String> problems = new ArrayList<>();
    private final PlatformPolicySpec spec;

    private PlatformPolicyLoader(PlatformPolicySpec spec) {
        this.spec = spec;
    }

    static PlatformPolicy load(PlatformPolicySpec spec) {
        return new PlatformPolicyLoader(spec).build();
    }

    private PlatformPolicy build() {
        check(spec.reportCollectorPath(), "reportCollectorPath", ReportingEndpoints::checkUrl);
        check(spec.reportGroup(), "reportGroup", DictionaryHeader::checkName);
        Set<String> nonceDirectives = new LinkedHashSet<>();
        spec.nonceDirectives().forEach(d -> nonceDirectives.add(d.trim().toLowerCase(Locale.ROOT)));
        PolicyConfig config = spec.baseline();
        Optional<CspPolicy> csp = policy("baseline.csp", config.csp(), nonceDirectives);
        Optional<CspPolicy> reportOnly = policy("baseline.cspReportOnly", config.cspReportOnly(), nonceDirectives);
        for (String directive : nonceDirectives) {
            boolean sourceList = KnownDirective.fromName(directive).map(KnownDirective::grammar)
                    .filter(g -> g == KnownDirective.Grammar.SOURCE_LIST).isPresent();
            if (!sourceList) {
                problems.add("nonceDirectives '" + directive + "' is not a directive that takes sources");
            } else if (csp.isEmpty() || !csp.get().has(directive)) {
                problems.add("nonceDirectives '" + directive + "' is not a directive of baseline.csp");
            }
        }
        HeaderSet baseline = new HeaderSet(csp, reportOnly, nonceDirectives, headers(config), removals(config));
        PolicyLocks locks = locks();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid platform policy:\n  - " + String.join("\n  - ", problems));
        }
        return new PlatformPolicy(baseline, locks, spec.reportCollectorPath(), spec.reportGroup());
    }

    private Optional<CspPolicy> policy(String field, Map<String, List<String>> directives, Set<String> nonceDirectives) {
        if (directives.isEmpty()) {
            return Optional.empty();
        }
        List<CspDirective> parsed = new ArrayList<>();
        directives.forEach((name, tokens) -> {
            if (PlatformPolicy.isReportingDirective(name.trim().toLowerCase(Locale.ROOT))) {
                problems.add(field + "." + name + " is derived from reportCollectorPath and reportGroup; remove it");
                return;
            }
            CspIntake.Parsed result = CspIntake.directive(name, tokens);
            result.rejected().forEach(r -> problems.add(field + "." + name + ": " + r.reason()));
            result.directive().ifPresent(parsed::add);
        });
        for (CspDirective directive : parsed) {
            boolean nonced = nonceDirectives.contains(directive.name());
            if (directive.contains(STRICT_DYNAMIC) && !nonced && !Sources.hasNonceOrHash(directive.sources())) {
                problems.add(field + "." + directive.name() + ": 'strict-dynamic' needs the directive in "
                        + "nonceDirectives or a hash, or every script is blocked");
            }
        }
        parsed.add(new CspDirective("report-uri", List.of(new SourceExpression.Token(spec.reportCollectorPath()))));
        parsed.add(new CspDirective("report-to", List.of(new SourceExpression.Token(spec.reportGroup()))));
        return Optional.of(new CspPolicy(parsed));
    }

    private Map<HeaderKind, SecurityHeader> headers(PolicyConfig config) {
        Map<HeaderKind, SecurityHeader> headers = new EnumMap<>(HeaderKind.class);
        config.headers().forEach((name, raw) -> {
            Optional<HeaderKind> kind = HeaderKind.byName(name);
            if (kind.isEmpty()) {
                problems.add("baseline.headers." + name + " is not a managed header; one of "
                        + Arrays.stream(HeaderKind.values()).map(HeaderKind::headerName).toList());
            } else if (kind.get() == HeaderKind.REPORTING_ENDPOINTS) {
                problems.add("baseline.headers." + name + ": list groups in baseline.reportingEndpoints instead");
            } else {
                check(raw, "baseline.headers." + name, kind.get()::parse).ifPresent(h -> headers.put(h.kind(), h));
            }
        });
        Map<String, String> endpoints = new LinkedHashMap<>(config.reportingEndpoints());
        if (endpoints.containsKey(spec.reportGroup())) {
            problems.add("baseline.reportingEndpoints." + spec.reportGroup() + " is the reportGroup, set from reportCollectorPath");
        }
        endpoints.put(spec.reportGroup(), spec.reportCollectorPath());
        check(endpoints, "baseline.reportingEndpoints", ReportingEndpoints::new)
                .ifPresent(h -> headers.put(HeaderKind.REPORTING_ENDPOINTS, h));
        return headers;
    }

    private List<String> removals(PolicyConfig config) {
        for (String name : config.removeHeaders()) {
            if (!HeaderSet.isFieldName(name)) {
                problems.add("baseline.removeHeaders '" + name + "' is not a header name");
            } else if (HeaderSet.isManaged(name)) {
                problems.add("baseline.removeHeaders '" + name + "' is a managed security header");
            }
        }
        return config.removeHeaders();
    }

    private PolicyLocks locks() {
        spec.lockedDirectives().stream().filter(d -> KnownDirective.fromName(d).isEmpty())
                .forEach(d -> problems.add("lockedDirectives '" + d + "' is not a CSP directive"));
        Set<HeaderKind> headers = new LinkedHashSet<>();
        for (String name : spec.lockedHeaders()) {
            HeaderKind.byName(name).ifPresentOrElse(headers::add,
                    () -> problems.add("lockedHeaders '" + name + "' is not a managed header"));
        }
        return new PolicyLocks(new LinkedHashSet<>(spec.lockedDirectives()), headers);
    }

    private <T, R> Optional<R> check(T value, String field, Function<T, R> parse) {
        try {
            return Optional.of(parse.apply(value));
        } catch (IllegalArgumentException e) {
            problems.add(field + " '" + value + "': " + e.getMessage());
            return Optional.empty();
        }
    }
}
