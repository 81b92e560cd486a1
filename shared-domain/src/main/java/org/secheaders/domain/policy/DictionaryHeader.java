package org.secheaders.domain.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A header whose value is a structured-field dictionary of named members (Permissions-Policy
 * features, Reporting-Endpoints groups). An append ({@code EXTEND}) merges members into it instead
 * of replacing the whole value, and conflicts are tracked per member.
 */
public sealed interface DictionaryHeader extends SecurityHeader permits PermissionsPolicy, ReportingEndpoints {

    /** Member name → canonical member value, in order. */
    Map<String, String> members();

    /** This header with {@code addition}'s members added; a member of the same name is replaced. */
    DictionaryHeader mergedWith(DictionaryHeader addition);

    @Override
    default String value() {
        List<String> parts = new ArrayList<>();
        members().forEach((name, member) -> parts.add(name + "=" + member));
        return String.join(", ", parts);
    }

    /** Fails unless {@code name} is a lower-case structured-field key (so it can never break the header line). */
    static String checkName(String name) {
        if (!name.matches("[a-z*][a-z0-9_.*-]*")) {
            throw new IllegalArgumentException("'" + name + "' is not a lower-case name such as csp-endpoint");
        }
        return name;
    }

    /**
     * Splits {@code name=value, name=value} into members, rejecting names outside the structured-field
     * key grammar and repeated names, and parsing each value with {@code member}.
     */
    static <V> Map<String, V> parseMembers(String raw, Function<String, V> member) {
        Map<String, V> members = new LinkedHashMap<>();
        for (String part : raw.split(",", -1)) {
            String entry = part.trim();
            int eq = entry.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("'" + entry + "' is not name=value");
            }
            String name = checkName(entry.substring(0, eq).trim());
            if (members.put(name, member.apply(entry.substring(eq + 1).trim())) != null) {
                throw new IllegalArgumentException("'" + name + "' appears more than once");
            }
        }
        return members;
    }
}
