package org.secheaders.domain.grading;

import static org.secheaders.domain.grading.ObservatoryResult.COEP_HEADER_INVALID;
import static org.secheaders.domain.grading.ObservatoryResult.COEP_IMPLEMENTED_WITH_CREDENTIALLESS;
import static org.secheaders.domain.grading.ObservatoryResult.COEP_IMPLEMENTED_WITH_REQUIRE_CORP;
import static org.secheaders.domain.grading.ObservatoryResult.COEP_IMPLEMENTED_WITH_UNSAFE_NONE;
import static org.secheaders.domain.grading.ObservatoryResult.COEP_NOT_IMPLEMENTED;

import java.util.Map;

/** {@code cross-origin-embedder-policy}: one structured-field token, parameters allowed. */
public final class CrossOriginEmbedderPolicyCheck implements ObservatoryCheck {
    private static final StructuredTokenHeader RULE = new StructuredTokenHeader(
            "cross-origin-embedder-policy",
            Map.of("require-corp", COEP_IMPLEMENTED_WITH_REQUIRE_CORP,
                    "credentialless", COEP_IMPLEMENTED_WITH_CREDENTIALLESS,
                    "unsafe-none", COEP_IMPLEMENTED_WITH_UNSAFE_NONE),
            COEP_NOT_IMPLEMENTED, COEP_HEADER_INVALID);

    @Override
    public ObservatoryTestName name() {
        return ObservatoryTestName.CROSS_ORIGIN_EMBEDDER_POLICY;
    }

    @Override
    public TestOutcome evaluate(ResponseEvidence evidence) {
        return RULE.evaluate(evidence.headers());
    }
}
