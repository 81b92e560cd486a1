package org.secheaders.domain.compliance.check;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.secheaders.domain.grading.ResponseHeaders;

/**
 * {@code permissions_policy.restrictive}: features that reach personal data or devices are off, or
 * limited to the page itself, unless the tenant declared a purpose for them (GDPR Art. 25 privacy by
 * default). A feature the header does not name keeps the browser default (usually {@code self},
 * delegable to frames): a warning, because the restriction is implicit.
 */
final class PermissionsPolicyRestrictiveCheck implements AtomicCheck {
    static final String ID = "permissions_policy.restrictive";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String expected() {
        return "camera, microphone, geolocation, sensors, device access and payment set to () or (self), unless declared";
    }

    @Override
    public String fix() {
        return "Set camera, microphone, geolocation, sensors, device access and payment to () unless declared.";
    }

    @Override
    public AtomicResult evaluate(EvaluationContext context) {
        ResponseHeaders headers = context.response().headers();
        Optional<String> value = headers.combined(PermissionsPolicyPresentCheck.HEADER);
        Finding finding = Finding.of(this, value, EvidenceLines.of(headers, PermissionsPolicyPresentCheck.HEADER));
        Optional<Map<String, List<String>>> features = value.flatMap(PermissionsPolicyMembers::parse);
        if (features.isEmpty()) {
            return finding.warn("not_restricted", "No usable Permissions-Policy: privacy-sensitive features keep "
                    + "browser defaults and can be delegated to embedded frames.");
        }
        Set<String> declared = context.options().tenant().declaredFeatures();
        Set<String> opened = new TreeSet<>();
        Set<String> unnamed = new TreeSet<>();
        for (String feature : PermissionsPolicyMembers.PRIVACY_SENSITIVE) {
            if (declared.contains(feature)) {
                continue;
            }
            List<String> allowlist = features.get().get(feature);
            if (allowlist == null) {
                unnamed.add(feature);
            } else if (allowlist.stream().anyMatch(member -> !member.equals("self"))) {
                opened.add(feature);
            }
        }
        if (!opened.isEmpty()) {
            return finding.fail("undeclared_features_allowed", "Open to other origins without a declared purpose: "
                    + String.join(", ", opened) + ".");
        }
        if (!unnamed.isEmpty()) {
            return finding.warn("features_not_named",
                    "Not named, so browser defaults apply: " + String.join(", ", unnamed) + ".");
        }
        return finding.pass("restrictive", "Privacy-sensitive features are off or limited to this site.");
    }
}
