package org.secheaders.domain.validation;

import java.util.ArrayList;
import java.util.List;

import org.secheaders.domain.csp.CspDirective;
import org.secheaders.domain.csp.CspPolicy;

/** Nonces shorter than 8 characters (guessable) and nonces outside the base64 charset (ignored by browsers). */
final class NonceLengthCheck implements CspCheck {

    private static final int MIN_LENGTH = 8;

    @Override
    public List<CspFinding> check(CspPolicy policy) {
        List<CspFinding> findings = new ArrayList<>();
        for (CspDirective directive : policy.directives()) {
            for (String value : SourceValues.serialized(directive.sources())) {
                if (!SourceValues.isNonce(value)) {
                    continue;
                }
                if (SourceValues.nonceValue(value).length() < MIN_LENGTH) {
                    findings.add(CspFinding.onValue(FindingType.NONCE_LENGTH, FindingSeverity.MEDIUM,
                            directive.name(), value,
                            "The nonce " + value + " is shorter than " + MIN_LENGTH + " characters and can be guessed.",
                            "Generate a fresh nonce per response from at least 128 random bits "
                                    + "(16 bytes, base64-encoded)."));
                }
                if (!SourceValues.isStrictNonce(value)) {
                    findings.add(CspFinding.onValue(FindingType.NONCE_CHARSET, FindingSeverity.INFO,
                            directive.name(), value,
                            "The nonce " + value + " uses characters outside the base64 charset; browsers ignore it.",
                            "Encode the nonce's random bytes with base64 or base64url."));
                }
            }
        }
        return findings;
    }
}
