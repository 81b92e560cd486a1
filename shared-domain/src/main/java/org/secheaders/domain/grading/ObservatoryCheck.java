package org.secheaders.domain.grading;

/**
 * One Observatory test: reads the evidence and gives its result code, following the
 * Observatory's own rules (MDN HTTP Observatory, algorithm version 6) down to their quirks, so
 * that our grade is the grade users see there.
 */
public sealed interface ObservatoryCheck permits ContentSecurityPolicyCheck, CookiesCheck,
        CrossOriginEmbedderPolicyCheck, CrossOriginOpenerPolicyCheck, CrossOriginResourceSharingCheck,
        RedirectionCheck, ReferrerPolicyCheck, StrictTransportSecurityCheck, SubresourceIntegrityCheck,
        XContentTypeOptionsCheck, XFrameOptionsCheck, CrossOriginResourcePolicyCheck {

    ObservatoryTestName name();

    TestEvaluation evaluate(ResponseEvidence evidence);
}
