package org.secheaders.domain.compliance.remediation;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Adds {@code charset=utf-8} to a text Content-Type that lacks one; a missing Content-Type needs the
 * real type, so it stays a manual action.
 */
final class ContentTypeRemedy implements Remedy {
    private static final String HEADER = "Content-Type";

    @Override
    public Set<String> addresses() {
        return Set.of("content_type.charset");
    }

    @Override
    public List<Proposal> propose(RemedyInput input) {
        if (!input.failing("content_type.charset")) {
            return List.of();
        }
        return input.headers().first(HEADER)
                .filter(value -> !value.isBlank() && !value.toLowerCase(Locale.ROOT).contains("charset="))
                .map(value -> List.of(new Proposal(HEADER, addresses(), List.of(Candidate.of(
                        new HeaderPatch.SetHeader(HEADER, value.trim() + "; charset=utf-8"),
                        "An explicit encoding stops browsers guessing one an attacker could exploit.")))))
                .orElse(List.of());
    }
}
