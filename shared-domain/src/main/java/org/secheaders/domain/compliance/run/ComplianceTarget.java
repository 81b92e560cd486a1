package org.secheaders.domain.compliance.run;

import java.net.URI;
import org.secheaders.domain.grading.ResponseHeaders;

/** What a check judges for a tenant: its configured headers, the live headers at a URL, or pasted headers. */
public sealed interface ComplianceTarget {

    /** The policy engine's resolved header set of the tenant. */
    record Configured() implements ComplianceTarget {
    }

    /** The headers a live scan of exactly this URL observes (no crawling). */
    record Url(URI url) implements ComplianceTarget {
    }

    /** Headers the caller supplies, e.g. before deploying them. */
    record Supplied(ResponseHeaders headers) implements ComplianceTarget {
    }
}
