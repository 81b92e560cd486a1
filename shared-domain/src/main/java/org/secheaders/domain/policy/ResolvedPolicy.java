package org.secheaders.domain.policy;

import java.util.List;

/**
 * A tenant's effective headers and how they came about.
 *
 * @param headers     the effective header set; {@code headers().compile()} once, then render per response
 * @param resolutions every decision, in the order taken
 */
public record ResolvedPolicy(HeaderSet headers, List<Resolution> resolutions) {
    public ResolvedPolicy {
        resolutions = List.copyOf(resolutions);
    }
}
