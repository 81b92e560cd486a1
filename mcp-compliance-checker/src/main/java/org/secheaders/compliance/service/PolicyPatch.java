package org.secheaders.compliance.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.secheaders.domain.csp.CspDirective;
import org.secheaders.domain.csp.CspParser;
import org.secheaders.domain.csp.CspPolicy;
import org.secheaders.domain.csp.SourceExpression;
import org.secheaders.domain.grading.ResponseHeaders;
import org.secheaders.domain.policy.HeaderKind;
import org.secheaders.domain.policy.HeaderSet;
import org.secheaders.domain.policy.PolicyConfig;

/**
 * A header change expressed as tenant policy rows: what to add to (extend) or replace in
 * (override) the tenant's resolved configuration so that it serves {@code after} instead of
 * {@code before}. Headers the policy engine does not manage (cookies, caching, Content-Type)
 * cannot be configured: they are listed as {@code application} changes.
 *
 * @param extend      the {@code EXTEND} row: added CSP sources, and header values (the engine accepts a
 *                    value only when it is at least as strict as the current one)
 * @param override    the {@code OVERRIDE} row: directives whose change removes a source, in full
 * @param replaced    the enforced directives of {@code override}, which need an override permission
 * @param application changes of headers the platform does not manage, as {@code Name: value} (or {@code remove Name})
 * @param impossible  changes no policy row can make (dropping a directive or a managed header)
 */
record PolicyPatch(PolicyConfig extend, PolicyConfig override, Set<String> replaced, List<String> application,
                   List<String> impossible) {

    boolean configurable() {
        return !extend.equals(PolicyConfig.empty()) || !override.equals(PolicyConfig.empty());
    }

    static PolicyPatch between(ResponseHeaders before, ResponseHeaders after) {
        Builder builder = new Builder();
        builder.csp(HeaderSet.CONTENT_SECURITY_POLICY, before, after, true);
        builder.csp(HeaderSet.CONTENT_SECURITY_POLICY_REPORT_ONLY, before, after, false);
        for (String name : names(before, after)) {
            if (isCsp(name)) {
                continue;
            }
            Optional<String> was = joined(before, name);
            Optional<String> now = joined(after, name);
            if (was.equals(now)) {
                continue;
            }
            Optional<HeaderKind> kind = HeaderKind.byName(name);
            if (now.isEmpty()) {
                if (kind.isPresent()) {
                    builder.impossible.add("remove " + name + ": the platform always sends its managed headers");
                } else {
                    builder.removeHeaders.add(name);
                }
            } else if (kind.isEmpty()) {
                after.values(name).forEach(value -> builder.application.add(name + ": " + value));
            } else {
                builder.headers.put(kind.get().headerName(), now.get());
            }
        }
        return builder.build();
    }

    private static boolean isCsp(String name) {
        return name.equalsIgnoreCase(HeaderSet.CONTENT_SECURITY_POLICY)
                || name.equalsIgnoreCase(HeaderSet.CONTENT_SECURITY_POLICY_REPORT_ONLY);
    }

    private static Set<String> names(ResponseHeaders before, ResponseHeaders after) {
        Map<String, String> names = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        before.fields().forEach(f -> names.putIfAbsent(f.name(), f.name()));
        after.fields().forEach(f -> names.putIfAbsent(f.name(), f.name()));
        return new LinkedHashSet<>(names.values());
    }

    private static Optional<String> joined(ResponseHeaders headers, String name) {
        List<String> values = headers.values(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", values));
    }

    /** Directive name → source tokens of the first policy in the header, nonces left out (the engine places them). */
    static Map<String, List<String>> directives(Optional<String> header) {
        Map<String, List<String>> directives = new LinkedHashMap<>();
        header.ifPresent(value -> {
            CspPolicy policy = CspParser.parseHeader(value).get(0).policy();
            for (CspDirective directive : policy.directives()) {
                directives.put(directive.name().toLowerCase(Locale.ROOT), directive.sources().stream()
                        .filter(source -> !(source instanceof SourceExpression.Nonce))
                        .map(SourceExpression::serialize)
                        .toList());
            }
        });
        return directives;
    }

    private static final class Builder {
        private final Map<String, List<String>> cspExtend = new LinkedHashMap<>();
        private final Map<String, List<String>> cspOverride = new LinkedHashMap<>();
        private final Map<String, List<String>> reportOnlyExtend = new LinkedHashMap<>();
        private final Map<String, List<String>> reportOnlyOverride = new LinkedHashMap<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final List<String> removeHeaders = new ArrayList<>();
        private final Set<String> replaced = new LinkedHashSet<>();
        private final List<String> application = new ArrayList<>();
        private final List<String> impossible = new ArrayList<>();

        void csp(String header, ResponseHeaders before, ResponseHeaders after, boolean enforced) {
            Map<String, List<String>> was = directives(before.first(header));
            Map<String, List<String>> now = directives(after.first(header));
            was.keySet().stream().filter(name -> !now.containsKey(name)).forEach(name ->
                    impossible.add("drop " + name + " from " + header + ": a policy row can replace a directive, not drop it"));
            now.forEach((name, tokens) -> {
                List<String> old = was.get(name);
                if (tokens.equals(old)) {
                    return;
                }
                List<String> added = tokens.stream().filter(t -> old == null || !old.contains(t)).toList();
                boolean removes = old != null && old.stream().anyMatch(t -> !tokens.contains(t));
                if (removes && enforced) {
                    cspOverride.put(name, tokens);
                    replaced.add(name);
                } else if (removes) {
                    // Locks and override permissions do not apply to a report-only trial.
                    reportOnlyOverride.put(name, tokens);
                } else if (!added.isEmpty()) {
                    (enforced ? cspExtend : reportOnlyExtend).put(name, added);
                }
            });
        }

        PolicyPatch build() {
            return new PolicyPatch(
                    new PolicyConfig(cspExtend, reportOnlyExtend, headers, removeHeaders, null),
                    new PolicyConfig(cspOverride, reportOnlyOverride, null, null, null),
                    replaced, application, impossible);
        }
    }
}
