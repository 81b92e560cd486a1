package org.secheaders.benchmarks.tools;

import java.util.List;

/**
 * What the argument mix needs to know about one seeded tenant: its most reported directives and
 * blocked hosts (so filters match real rows, as an analyst's would).
 */
record TenantSample(String slug, String domain, List<String> directives, List<String> hosts) {
    TenantSample {
        directives = List.copyOf(directives);
        hosts = List.copyOf(hosts);
    }
}
