package org.secheaders.domain.grading;

import static org.secheaders.domain.grading.ObservatoryResult.COOP_HEADER_INVALID;
import static org.secheaders.domain.grading.ObservatoryResult.COOP_IMPLEMENTED_WITH_NOOPENER_ALLOW_POPUPS;
import static org.secheaders.domain.grading.ObservatoryResult.COOP_IMPLEMENTED_WITH_SAME_ORIGIN;
import static org.secheaders.domain.grading.ObservatoryResult.COOP_IMPLEMENTED_WITH_SAME_ORIGIN_ALLOW_POPUPS;
import static org.secheaders.domain.grading.ObservatoryResult.COOP_IMPLEMENTED_WITH_UNSAFE_NONE;
import static org.secheaders.domain.grading.ObservatoryResult.COOP_NOT_IMPLEMENTED;

import java.util.Map;

/** {@code cross-origin-opener-policy}: one structured-field token, parameters allowed. */
public final class CrossOriginOpenerPolicyCheck implements ObservatoryCheck {
    private static final StructuredTokenHeader RULE = new StructuredTokenHeader(
            "cross-origin-opener-policy",
            Map.of("same-origin", COOP_IMPLEMENTED_WITH_SAME_ORIGIN,
                    "same-origin-allow-popups", COOP_IMPLEMENTED_WITH_SAME_ORIGIN_ALLOW_POPUPS,
                    "noopener-allow-popups", COOP_IMPLEMENTED_WITH_NOOPENER_ALLOW_POPUPS,
                    "unsafe-none", COOP_IMPLEMENTED_WITH_UNSAFE_NONE),
            COOP_NOT_IMPLEMENTED, COOP_HEADER_INVALID);

    @Override
    public ObservatoryTestName name() {
        return ObservatoryTestName.CROSS_ORIGIN_OPENER_POLICY;
    }

    @Override
    public TestOutcome evaluate(ResponseEvidence evidence) {
        return RULE.evaluate(evidence.headers());
    }
}
