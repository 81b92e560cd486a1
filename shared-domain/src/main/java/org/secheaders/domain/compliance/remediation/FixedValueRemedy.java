package org.secheaders.domain.compliance.remediation;

import java.util.List;
import java.util.Set;

/**
 * One header set to one recommended value: OSHP's when the reference is loaded, else the built-in
 * one (both pass the check).
 */
final class FixedValueRemedy implements Remedy {
    private final String check;
    private final String header;
    private final String builtIn;
    private final String rationale;

    FixedValueRemedy(String check, String header, String builtIn, String rationale) {
        this.check = check;
        this.header = header;
        this.builtIn = builtIn;
        this.rationale = rationale;
    }

    @Override
    public Set<String> addresses() {
        return Set.of(check);
    }

    @Override
    public List<Proposal> propose(RemedyInput input) {
        if (!input.failing(check)) {
            return List.of();
        }
        return List.of(new Proposal(header, addresses(), List.of(Candidate.of(
                new HeaderPatch.SetHeader(header, input.recommended(header, builtIn)), rationale))));
    }
}
