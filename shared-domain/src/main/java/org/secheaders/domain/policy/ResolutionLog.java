package org.secheaders.domain.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.domain.policy.Resolution.Kind;

/** The decisions of one resolution, and which row last changed each header or member (to report conflicts). */
final class ResolutionLog {

    /** A header, or one directive, feature or group of it. */
    record Target(String header, Optional<String> member) {
        static Target header(String header) {
            return new Target(header, Optional.empty());
        }

        static Target member(String header, String member) {
            return new Target(header, Optional.of(member));
        }

        String key() {
            return member.map(m -> header + " " + m).orElse(header);
        }
    }

    private final List<Resolution> entries = new ArrayList<>();
    private final Map<String, TenantSecurityPolicy> changedBy = new TreeMap<>();

    void row(TenantSecurityPolicy row, Kind kind, String message) {
        entries.add(new Resolution(row.id(), kind, Optional.empty(), Optional.empty(), message));
    }

    void add(TenantSecurityPolicy row, Kind kind, Target target, String message) {
        entries.add(new Resolution(row.id(), kind, Optional.of(target.header()), target.member(), message));
    }

    void refused(TenantSecurityPolicy row, Target target, List<Weakening> weakenings) {
        weakenings.forEach(w -> add(row, Kind.REFUSED_WEAKENING, target, w.reason() + " (grant '" + w.grantKey() + "' to allow it)"));
    }

    /** The suffix naming the grants a change used, or nothing when it used none. */
    static String grantsUsed(List<Weakening> granted) {
        return granted.isEmpty() ? ""
                : " (weakening granted: " + granted.stream().map(Weakening::grantKey).collect(Collectors.joining(", ")) + ")";
    }

    /**
     * Records that {@code row} changed {@code target}. When it replaces ({@code replaces}) something
     * another row set on the same target (or, for a whole header, on any of its members), the
     * conflict is reported; the later row wins because it is applied last.
     */
    void changed(TenantSecurityPolicy row, Target target, boolean replaces) {
        if (replaces) {
            changedBy.forEach((key, earlier) -> {
                boolean sameTarget = key.equals(target.key())
                        || (target.member().isEmpty() && key.startsWith(target.header() + " "));
                if (sameTarget && earlier.id() != row.id()) {
                    add(row, Kind.CONFLICT_RESOLVED, target, "policy " + row.id() + " (" + row.policyName()
                            + ") replaces " + key + " as set by policy " + earlier.id() + " (" + earlier.policyName()
                            + "); the later policy wins");
                }
            });
        }
        changedBy.put(target.key(), row);
    }

    List<Resolution> entries() {
        return entries;
    }
}
