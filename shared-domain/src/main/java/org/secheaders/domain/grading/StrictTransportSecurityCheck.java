package org.secheaders.domain.grading;

import static org.secheaders.domain.grading.ObservatoryResult.HSTS_HEADER_INVALID;
import static org.secheaders.domain.grading.ObservatoryResult.HSTS_IMPLEMENTED_MAX_AGE_AT_LEAST_SIX_MONTHS;
import static org.secheaders.domain.grading.ObservatoryResult.HSTS_IMPLEMENTED_MAX_AGE_LESS_THAN_SIX_MONTHS;
import static org.secheaders.domain.grading.ObservatoryResult.HSTS_INVALID_CERT;
import static org.secheaders.domain.grading.ObservatoryResult.HSTS_NOT_IMPLEMENTED;
import static org.secheaders.domain.grading.ObservatoryResult.HSTS_NOT_IMPLEMENTED_NO_HTTPS;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code strict-transport-security}, read from the HTTPS response only.
 *
 * <p>Not evaluated: {@code hsts-preloaded}. The Observatory checks the host against Chromium's
 * preload list, which overrides every other result; that list is not available here, so a
 * preloaded host is graded on its header like any other.
 */
public final class StrictTransportSecurityCheck implements ObservatoryCheck {
    private static final String HEADER = "strict-transport-security";
    /** 180 days: the Observatory's deliberate "white lie" for six months (15768000). */
    private static final BigInteger SIX_MONTHS_SECONDS = BigInteger.valueOf(15_552_000);

    @Override
    public ObservatoryTestName name() {
        return ObservatoryTestName.STRICT_TRANSPORT_SECURITY;
    }

    @Override
    public TestOutcome evaluate(ResponseEvidence evidence) {
        if (!(evidence.https() instanceof HttpsProbe.Reached https)) {
            return TestOutcome.of(HSTS_NOT_IMPLEMENTED_NO_HTTPS);
        }
        if (!https.certificateVerified()) {
            return TestOutcome.of(HSTS_INVALID_CERT);
        }
        Optional<String> header = https.headers().first(HEADER);
        if (header.isEmpty()) {
            return TestOutcome.of(HSTS_NOT_IMPLEMENTED);
        }
        String value = JsText.prefix(header.get(), 1024);
        Map<String, List<String>> data = Map.of(HEADER, List.of(value));
        // A comma means the header was sent twice (and joined), which the Observatory rejects.
        Optional<String> maxAge = value.contains(",") ? Optional.empty() : lastMaxAge(value);
        if (maxAge.isEmpty()) {
            return TestOutcome.of(HSTS_HEADER_INVALID, data);
        }
        // parseInt semantics: "max-age=abc" is NaN, and NaN is never below the threshold.
        boolean belowSixMonths = JsText.parseIntPrefix(maxAge.get()).filter(v -> v.compareTo(SIX_MONTHS_SECONDS) < 0).isPresent();
        return TestOutcome.of(belowSixMonths ? HSTS_IMPLEMENTED_MAX_AGE_LESS_THAN_SIX_MONTHS
                : HSTS_IMPLEMENTED_MAX_AGE_AT_LEAST_SIX_MONTHS, data);
    }

    /** The text after the last {@code max-age=}, up to 120 characters. */
    private static Optional<String> lastMaxAge(String value) {
        Optional<String> maxAge = Optional.empty();
        for (String directive : JsText.split(value, ';')) {
            String lower = JsText.trim(directive).toLowerCase(Locale.ROOT);
            if (lower.startsWith("max-age=")) {
                maxAge = Optional.of(lower.substring("max-age=".length(), Math.min(lower.length(), 128)));
            }
        }
        return maxAge;
    }
}
