package org.secheaders.domain.report;

/**
 * What happens to a report the noise filter matched. Either way it is counted under its noise rule, so
 * nothing is dropped silently.
 */
public enum NoiseHandling {
    /** Deduplicate, classify (a v1.noise.* rule, false_positive, low) and emit it for storage. The default:
     * tenants can see what their patterns filter and undo a bad one. */
    STORE,
    /** Only count it, as report-uri does, for tenants whose extension noise would dominate storage. */
    COUNT_ONLY
}
