package org.secheaders.domain.demo;

import java.time.Instant;
import java.util.List;

/** One page load that tripped the policy, before its reports are encoded. */
record PageView(DemoSite site, Instant at, Visitor visitor, String path, ViolationCause cause,
                List<ViolationSource> sources) {
    PageView {
        sources = List.copyOf(sources);
    }
}
