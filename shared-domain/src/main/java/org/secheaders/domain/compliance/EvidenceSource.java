package org.secheaders.domain.compliance;

import org.secheaders.domain.model.WireEnums;

/** Where the response evidence of an evaluation came from; it decides which checks the evidence can answer. */
public enum EvidenceSource {
    /** The header set the policy engine resolved for the tenant: what should be sent, not what is. */
    CONFIGURED,
    /** A live scan of a URL: what the site actually sends, with its redirect route and CORS probes. */
    OBSERVED,
    /** Headers pasted by a user: a response's headers without the scan around them. */
    SUPPLIED;

    public String wireName() {
        return WireEnums.wireName(this);
    }

    /** Whether the evidence can show live behaviour (HTTP redirects, CORS answers, banners); only a scan can. */
    public boolean isLive() {
        return this == OBSERVED;
    }
}
