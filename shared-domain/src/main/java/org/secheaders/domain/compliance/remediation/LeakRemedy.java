package org.secheaders.domain.compliance.remediation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.secheaders.domain.compliance.check.LeakingHeaders;
import org.secheaders.domain.grading.HeaderField;

/** Stops sending every implementation header the response carries (built-in list, plus OSHP's when loaded). */
final class LeakRemedy implements Remedy {

    @Override
    public Set<String> addresses() {
        return Set.of("leak.headers_removed");
    }

    @Override
    public List<Proposal> propose(RemedyInput input) {
        if (!input.failing("leak.headers_removed")) {
            return List.of();
        }
        Set<String> leaking = LeakingHeaders.names(input.oshp());
        Set<String> seen = new TreeSet<>();
        List<HeaderPatch> patches = new ArrayList<>();
        for (HeaderField field : input.headers().fields()) {
            String name = field.name().toLowerCase(Locale.ROOT);
            if (leaking.contains(name) && seen.add(name)) {
                patches.add(new HeaderPatch.RemoveHeader(field.name()));
            }
        }
        return patches.isEmpty() ? List.of() : List.of(new Proposal("implementation headers", addresses(),
                List.of(new Candidate(patches, "Version banners tell attackers which known vulnerabilities to try; "
                        + "strip them at the proxy (e.g. server_tokens off, proxy_hide_header)."))));
    }
}
