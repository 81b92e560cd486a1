package org.secheaders.domain.compliance.check;

/**
 * One yes/no/maybe question about the evidence ("is HSTS max-age at least a year?"), answered once
 * per evaluation and reused by every framework's controls. Implementations are stateless.
 */
public interface AtomicCheck {

    /** A stable id, {@code <topic>.<property>}, referenced from the catalogue. */
    String id();

    /** What passes, for reports. */
    String expected();

    /** What to change when it does not pass, in one sentence. */
    String fix();

    /** The evidence read; when it is missing the check is reported as not evaluated without being run. */
    default EvidenceNeed need() {
        return EvidenceNeed.RESPONSE;
    }

    AtomicResult evaluate(EvaluationContext context);
}
