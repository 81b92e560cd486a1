package org.secheaders.domain.compliance.check;

/** The part of the evidence bundle a check reads; when it is missing the check is not evaluated. */
public enum EvidenceNeed {
    /** The captured response. */
    RESPONSE,
    /** The scan and change history. */
    HISTORY,
    /** The configured-vs-observed pair. */
    DRIFT
}
