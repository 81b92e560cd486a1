package org.secheaders.domain.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.secheaders.domain.csp.CspKeyword;
import org.secheaders.domain.csp.CspPolicy;

/**
 * Hosts allowed in {@code script-src}/{@code script-src-elem}: HIGH when a known JSONP endpoint or
 * AngularJS copy lies under them, MEDIUM_MAYBE otherwise (including {@code 'self'}), since any
 * such endpoint on an allowed host turns the allowlist into a bypass.
 */
final class ScriptAllowlistBypassCheck implements CspCheck {

    private final AllowlistBypasses bypasses;

    ScriptAllowlistBypassCheck(AllowlistBypasses bypasses) {
        this.bypasses = bypasses;
    }

    @Override
    public List<CspFinding> check(CspPolicy policy) {
        List<CspFinding> findings = new ArrayList<>();
        for (String directive : EffectiveDirectives.names(policy, List.of("script-src", "script-src-elem"))) {
            List<String> values = SourceValues.serialized(policy.sources(directive));
            if (values.contains(CspKeyword.NONE.token())) {
                continue;
            }
            boolean evalAllowed = values.contains(CspKeyword.UNSAFE_EVAL.token());
            for (String value : values) {
                if (value.equals(CspKeyword.SELF.token())) {
                    findings.add(maybe(directive, value, "'self' in " + directive
                            + " allows every script on this origin, including JSONP endpoints, AngularJS copies "
                            + "and user uploads."));
                } else if (looksLikeHost(value)) {
                    findings.add(hostFinding(directive, value, evalAllowed));
                }
            }
        }
        return findings;
    }

    /** Keywords, nonces, hashes, bare schemes and dot-less names (localhost, typos) are not hosts worth matching. */
    private static boolean looksLikeHost(String value) {
        return !value.startsWith("'") && !SourceValues.isUrlScheme(value) && value.contains(".");
    }

    private CspFinding hostFinding(String directive, String value, boolean evalAllowed) {
        SourcePattern pattern = SourcePattern.of(value);
        // Some JSONP endpoints only return callable code when eval is allowed.
        Optional<AllowlistBypasses.Url> jsonp = pattern.firstMatch(bypasses.jsonp())
                .filter(url -> evalAllowed || !bypasses.jsonpNeedsEval().contains(url.host()));
        Optional<AllowlistBypasses.Url> angular = pattern.firstMatch(bypasses.angular());
        if (jsonp.isEmpty() && angular.isEmpty()) {
            return maybe(directive, value, "No known bypass under " + value + ", but any JSONP endpoint or "
                    + "AngularJS copy it serves would let an attacker run script.");
        }
        String host = angular.or(() -> jsonp).map(AllowlistBypasses.Url::host).orElseThrow();
        String what = jsonp.isPresent() && angular.isPresent() ? "JSONP endpoints and AngularJS libraries"
                : jsonp.isPresent() ? "JSONP endpoints" : "AngularJS libraries";
        return CspFinding.onValue(FindingType.SCRIPT_ALLOWLIST_BYPASS, FindingSeverity.HIGH, directive, value,
                host + " is known to host " + what + " that let an attacker bypass this policy.",
                "Remove " + value + " from " + directive + " and allow its scripts by nonce or hash with "
                        + "'strict-dynamic' instead.");
    }

    private static CspFinding maybe(String directive, String value, String message) {
        return CspFinding.onValue(FindingType.SCRIPT_ALLOWLIST_BYPASS, FindingSeverity.MEDIUM_MAYBE, directive, value,
                message,
                "Prefer nonces or hashes with 'strict-dynamic' to host allowlists; if you keep " + value
                        + ", make sure it serves no JSONP, AngularJS or user-uploaded files.");
    }
}
