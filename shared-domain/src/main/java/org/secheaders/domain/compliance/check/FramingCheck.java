package org.secheaders.domain.compliance.check;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.secheaders.domain.model.CheckResult;

/**
 * {@code framing.xfo_or_frame_ancestors}: the page cannot be framed by other sites. CSP
 * {@code frame-ancestors} passes; {@code X-Frame-Options} alone is only a warning, because ASVS 5.0
 * calls it obsolete; and a permissive {@code frame-ancestors} fails even next to XFO, since
 * browsers then ignore XFO.
 */
final class FramingCheck implements AtomicCheck {
    static final String ID = "framing.xfo_or_frame_ancestors";
    private static final String XFO = "X-Frame-Options";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String expected() {
        return "CSP frame-ancestors (X-Frame-Options DENY/SAMEORIGIN alone: warning)";
    }

    @Override
    public String fix() {
        return "Add frame-ancestors 'none' (or 'self') to the CSP header; keep X-Frame-Options: DENY for old browsers.";
    }

    @Override
    public AtomicResult evaluate(EvaluationContext context) {
        AtomicResult frameAncestors = context.result(CspFrameAncestorsCheck.ID);
        List<String> xfoValues = context.response().headers().values(XFO);
        List<String> lines = Stream.concat(context.csp().lines().stream(),
                EvidenceLines.of(context.response().headers(), XFO).stream()).toList();
        Optional<String> observed = xfoValues.isEmpty() ? frameAncestors.observed()
                : Optional.of(XFO + ": " + String.join(", ", xfoValues));
        Finding finding = Finding.of(this, observed, lines);
        if (frameAncestors.result() == CheckResult.PASS) {
            return finding.pass("frame_ancestors", frameAncestors.message());
        }
        if (frameAncestors.rule().equals(CspFrameAncestorsCheck.WILDCARD)) {
            return finding.fail("frame_ancestors_allows_any",
                    "frame-ancestors allows any site, and browsers then ignore X-Frame-Options.");
        }
        List<String> members = HeaderLists.lowerCaseMembers(xfoValues).stream().distinct().toList();
        if (members.isEmpty()) {
            return finding.fail("no_framing_protection", "Neither CSP frame-ancestors nor X-Frame-Options is set.");
        }
        // HTML: several values count only when they all agree.
        if (members.size() == 1 && (members.get(0).equals("deny") || members.get(0).equals("sameorigin"))) {
            return finding.warn("x_frame_options_only", "Only X-Frame-Options protects against framing; "
                    + "ASVS 5.0 asks for CSP frame-ancestors.");
        }
        if (members.size() == 1 && members.get(0).startsWith("allow-from")) {
            return finding.fail("x_frame_options_allow_from", "X-Frame-Options ALLOW-FROM is ignored by current browsers.");
        }
        return finding.fail("x_frame_options_invalid", "X-Frame-Options is not DENY or SAMEORIGIN, so browsers ignore it.");
    }
}
