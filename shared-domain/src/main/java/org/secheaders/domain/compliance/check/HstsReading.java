package org.secheaders.domain.compliance.check;

import java.util.List;
import java.util.Optional;

import org.secheaders.domain.grading.HttpsProbe;
import org.secheaders.domain.grading.ResponseEvidence;

/**
 * The HSTS policy a browser would take from the HTTPS response, or why it would take none.
 *
 * @param policy  the policy in force, when there is one
 * @param raw     the header value as sent
 * @param lines   the raw header lines
 * @param rule    when there is no policy: why ({@code no_https}, {@code invalid_certificate}, {@code absent},
 *                {@code invalid}, {@code max_age_zero})
 * @param message when there is no policy: the reason for a human
 */
record HstsReading(Optional<HstsValue> policy, Optional<String> raw, List<String> lines, String rule, String message) {
    static final String HEADER = "Strict-Transport-Security";

    static HstsReading of(ResponseEvidence evidence) {
        if (!(evidence.https() instanceof HttpsProbe.Reached https)) {
            return none(Optional.empty(), List.of(), "no_https",
                    "The site does not answer over HTTPS, so there is no HSTS policy.");
        }
        List<String> lines = EvidenceLines.of(https.headers(), HEADER);
        if (!https.certificateVerified()) {
            return none(Optional.empty(), lines, "invalid_certificate",
                    "The HTTPS certificate did not verify; browsers ignore HSTS from such a response.");
        }
        Optional<String> raw = https.headers().first(HEADER);
        if (raw.isEmpty()) {
            return none(raw, lines, "absent", "No Strict-Transport-Security header on the HTTPS response.");
        }
        Optional<HstsValue> parsed = HstsValue.parse(raw.get());
        if (parsed.isEmpty()) {
            return none(raw, lines, "invalid",
                    "Strict-Transport-Security has no valid max-age or repeats a directive, so browsers ignore it.");
        }
        if (parsed.get().maxAge() == 0) {
            return none(raw, lines, "max_age_zero",
                    "max-age=0 tells browsers to forget the HSTS policy for this host.");
        }
        return new HstsReading(parsed, raw, lines, "", "");
    }

    private static HstsReading none(Optional<String> raw, List<String> lines, String rule, String message) {
        return new HstsReading(Optional.empty(), raw, lines, rule, message);
    }
}
