package org.secheaders.domain.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.secheaders.domain.csp.CspKeyword;
import org.secheaders.domain.csp.CspPolicy;

/**
 * Sources allowed for plugins: HIGH when a known bypass Flash file lies under them, MEDIUM_MAYBE for
 * anything in an explicit {@code object-src} other than {@code 'none'}.
 */
final class FlashObjectAllowlistBypassCheck implements CspCheck {

    private static final String FLASH_MIME = "application/x-shockwave-flash";

    private final AllowlistBypasses bypasses;

    FlashObjectAllowlistBypassCheck(AllowlistBypasses bypasses) {
        this.bypasses = bypasses;
    }

    @Override
    public List<CspFinding> check(CspPolicy policy) {
        // plugin-types without Flash already blocks it.
        boolean flashBlocked = policy.directive("plugin-types")
                .map(d -> !SourceValues.serialized(d.sources()).contains(FLASH_MIME))
                .orElse(false);
        String directive = EffectiveDirectives.name(policy, "object-src");
        List<String> values = SourceValues.serialized(policy.sources(directive));
        if (flashBlocked || values.contains(CspKeyword.NONE.token())) {
            return List.of();
        }
        List<CspFinding> findings = new ArrayList<>();
        for (String value : values) {
            Optional<AllowlistBypasses.Url> flash = SourcePattern.of(value).firstMatch(bypasses.flash());
            if (flash.isPresent()) {
                findings.add(CspFinding.onValue(FindingType.OBJECT_ALLOWLIST_BYPASS, FindingSeverity.HIGH,
                        directive, value,
                        flash.get().host() + " is known to host Flash files that let an attacker bypass this policy.",
                        "Set object-src 'none'."));
            } else if (directive.equals("object-src")) {
                findings.add(CspFinding.onValue(FindingType.OBJECT_ALLOWLIST_BYPASS, FindingSeverity.MEDIUM_MAYBE,
                        directive, value,
                        value + " in object-src allows plugin content, which can run script.",
                        "Set object-src 'none' unless the page really embeds plugins."));
            }
        }
        return findings;
    }
}
