package org.secheaders.domain.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code Permissions-Policy}: feature → allowlist. A feature the header does not name keeps the
 * browser's default allowlist ({@code self} for most, {@code *} for some), so dropping a feature
 * counts as widening it.
 */
public record PermissionsPolicy(Map<String, Allowlist> features) implements DictionaryHeader {

    public PermissionsPolicy {
        features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
        features.keySet().forEach(DictionaryHeader::checkName);
    }

    public static PermissionsPolicy parse(String raw) {
        return new PermissionsPolicy(DictionaryHeader.parseMembers(raw, Allowlist::parse));
    }

    @Override
    public HeaderKind kind() {
        return HeaderKind.PERMISSIONS_POLICY;
    }

    @Override
    public Map<String, String> members() {
        Map<String, String> members = new LinkedHashMap<>();
        features.forEach((feature, allowlist) -> members.put(feature, allowlist.serialize()));
        return members;
    }

    @Override
    public PermissionsPolicy mergedWith(DictionaryHeader addition) {
        Map<String, Allowlist> merged = new LinkedHashMap<>(features);
        merged.putAll(((PermissionsPolicy) addition).features);
        return new PermissionsPolicy(merged);
    }

    /** Tokens are feature names whose allowlist is wider than (or, when dropped, unknown against) the reference's. */
    @Override
    public List<String> weakerThan(SecurityHeader reference) {
        List<String> weaker = new ArrayList<>();
        ((PermissionsPolicy) reference).features.forEach((feature, allowed) -> {
            Allowlist mine = features.get(feature);
            if (mine == null || !allowed.covers(mine)) {
                weaker.add(feature);
            }
        });
        return weaker;
    }

    /**
     * One feature's allowlist: {@code *}, {@code self} and quoted origins; empty means no one.
     * Serialized as {@code *} or as an inner list such as {@code ()} or {@code (self "https://a.example")}.
     */
    public record Allowlist(List<String> members) {
        private static final Pattern ORIGIN = Pattern.compile("\"https?://[a-z0-9.-]+(:[0-9]{1,5})?\"");

        public Allowlist {
            members = List.copyOf(new LinkedHashSet<>(members));
            for (String member : members) {
                if (!member.equals("*") && !member.equals("self") && !ORIGIN.matcher(member).matches()) {
                    throw new IllegalArgumentException("allowlist member '" + member
                            + "' is not *, self or a quoted lower-case origin such as \"https://a.example\"");
                }
            }
        }

        static Allowlist parse(String raw) {
            if (raw.equals("*") || raw.equals("self")) {
                return new Allowlist(List.of(raw));
            }
            if (!raw.startsWith("(") || !raw.endsWith(")")) {
                throw new IllegalArgumentException("allowlist '" + raw + "' is not *, self or a list such as (self \"https://a.example\")");
            }
            String inner = raw.substring(1, raw.length() - 1).trim();
            return new Allowlist(inner.isEmpty() ? List.of() : List.of(inner.split("\\s+")));
        }

        String serialize() {
            return members.equals(List.of("*")) ? "*" : "(" + String.join(" ", members) + ")";
        }

        /** Whether everything {@code other} allows is allowed here too. */
        boolean covers(Allowlist other) {
            return members.contains("*") || (!other.members.contains("*") && members.containsAll(other.members));
        }
    }
}
