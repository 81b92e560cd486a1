package org.secheaders.domain.compliance.check;

import java.util.Optional;

import org.secheaders.domain.grading.ResponseHeaders;

/**
 * {@code permissions_policy.present}: the page states which powerful browser features it uses. Only
 * the deprecated {@code Feature-Policy} is a warning; browsers that read it read little else.
 */
final class PermissionsPolicyPresentCheck implements AtomicCheck {
    static final String ID = "permissions_policy.present";
    static final String HEADER = "Permissions-Policy";
    private static final String LEGACY = "Feature-Policy";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String expected() {
        return "a Permissions-Policy header";
    }

    @Override
    public String fix() {
        return "Send a Permissions-Policy header disabling unused features.";
    }

    @Override
    public AtomicResult evaluate(EvaluationContext context) {
        ResponseHeaders headers = context.response().headers();
        Optional<String> value = headers.combined(HEADER);
        Finding finding = Finding.of(this, value, EvidenceLines.of(headers, HEADER, LEGACY));
        if (value.isPresent()) {
            return PermissionsPolicyMembers.parse(value.get()).isPresent()
                    ? finding.pass("present", "Permissions-Policy is set.")
                    : finding.fail("invalid", "Permissions-Policy is not a feature=allowlist list, so browsers ignore it.");
        }
        return headers.values(LEGACY).isEmpty()
                ? finding.fail("absent", "No Permissions-Policy header.")
                : finding.warn("feature_policy_only", "Only the deprecated Feature-Policy is sent.");
    }
}
