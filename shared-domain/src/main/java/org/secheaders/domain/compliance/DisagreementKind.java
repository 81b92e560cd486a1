package org.secheaders.domain.compliance;

import org.secheaders.domain.model.WireEnums;

/**
 * Known ways the MDN Observatory and the CSP validator (CSP Evaluator rules) judge the same policy
 * differently, each with how this evaluation decides.
 */
public enum DisagreementKind {
    STRICT_DYNAMIC_WITHOUT_NONCE(
            "'strict-dynamic' without a nonce or hash: the Observatory declares the whole header invalid; the CSP "
                    + "validator reports information only, since the policy is valid CSP that trusts no script.",
            "csp.present passes (browsers enforce the policy); csp.strict fails: no script can be trusted this way."),
    UNSAFE_INLINE_IGNORED(
            "'unsafe-inline' next to a nonce or hash: the Observatory drops it without a word; the CSP validator "
                    + "reports it as ignored by CSP2+ browsers (and recommends it as a CSP1 fallback).",
            "csp.no_unsafe_inline follows CSP3 browsers and passes; no remediation removes or adds it."),
    UNSAFE_INLINE_FALLBACK_ADVICE(
            "Nonce or hash without 'unsafe-inline': the CSP validator advises adding 'unsafe-inline' as a fallback "
                    + "for pre-CSP2 browsers; the Observatory's rules penalise 'unsafe-inline' wherever no nonce "
                    + "neutralises it, so readers of the two get opposite advice.",
            "No change proposed: CSP2+ browsers ignore the fallback, and this evaluation judges what they enforce."),
    OBSERVATORY_STRICTER(
            "The Observatory fails the CSP test where the CSP validator finds nothing of HIGH severity "
                    + "(e.g. 'unsafe-eval', rated MEDIUM_MAYBE by the validator, costs -10 at the Observatory).",
            "The atomic CSP checks decide on their own rules; both views are shown."),
    VALIDATOR_STRICTER(
            "The Observatory passes the CSP test while the CSP validator reports HIGH findings the Observatory does "
                    + "not look at (script-src-elem/-attr, Observatory issue #338; missing base-uri with nonces; "
                    + "allowlisted hosts that serve JSONP or AngularJS).",
            "The atomic CSP checks follow the validator's findings; the Observatory grade is reported unchanged.");

    private final String explanation;
    private final String position;

    DisagreementKind(String explanation, String position) {
        this.explanation = explanation;
        this.position = position;
    }

    public String explanation() {
        return explanation;
    }

    /** How this evaluation decides the point. */
    public String position() {
        return position;
    }

    public String wireName() {
        return WireEnums.wireName(this);
    }
}
