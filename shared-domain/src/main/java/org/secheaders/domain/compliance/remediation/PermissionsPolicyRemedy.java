package org.secheaders.domain.compliance.remediation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.secheaders.domain.compliance.check.PermissionsPolicyMembers;

/**
 * A Permissions-Policy that keeps what the header already says and switches off every
 * privacy-sensitive feature the tenant has not declared. Starts from OSHP's full list when the
 * header is absent and the reference is loaded; declared features are left to the page itself.
 */
final class PermissionsPolicyRemedy implements Remedy {
    static final String HEADER = "Permissions-Policy";
    private static final Set<String> CHECKS = Set.of("permissions_policy.present", "permissions_policy.restrictive");

    @Override
    public Set<String> addresses() {
        return CHECKS;
    }

    @Override
    public List<Proposal> propose(RemedyInput input) {
        if (!input.anyFailing(CHECKS)) {
            return List.of();
        }
        Set<String> declared = input.options().tenant().declaredFeatures();
        Map<String, List<String>> features = new LinkedHashMap<>(current(input)
                .or(() -> input.oshp().flatMap(r -> r.recommendedValue(HEADER)).flatMap(PermissionsPolicyMembers::parse))
                .orElse(Map.of()));
        for (String feature : PermissionsPolicyMembers.PRIVACY_SENSITIVE) {
            List<String> allowlist = features.get(feature);
            boolean restricted = allowlist != null && allowlist.stream().allMatch("self"::equals);
            if (!declared.contains(feature) && !restricted) {
                features.put(feature, List.of());
            }
        }
        declared.stream().sorted().filter(f -> features.getOrDefault(f, List.of("self")).isEmpty())
                .forEach(f -> features.put(f, List.of("self")));
        String value = features.entrySet().stream()
                .map(e -> e.getKey() + "=" + allowlist(e.getValue()))
                .collect(Collectors.joining(", "));
        return List.of(new Proposal(HEADER, CHECKS, List.of(Candidate.of(new HeaderPatch.SetHeader(HEADER, value),
                "Camera, microphone, location, sensors, device access and payment are off unless declared, "
                        + "for the page and every frame it embeds."))));
    }

    private static String allowlist(List<String> members) {
        return members.equals(List.of("*")) ? "*" : "(" + String.join(" ", members) + ")";
    }

    private static Optional<Map<String, List<String>>> current(RemedyInput input) {
        List<String> values = input.headers().values(HEADER);
        return values.isEmpty() ? Optional.empty() : PermissionsPolicyMembers.parse(String.join(", ", values));
    }
}
