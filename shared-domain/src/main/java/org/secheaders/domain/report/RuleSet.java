package org.secheaders.domain.report;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A versioned, ordered list of classification rules; the first rule that matches decides. When none
 * matches, the verdict is {@code <version>.unknown}. A changed rule means a new version, so a stored rule
 * id always names the logic that produced it.
 */
public record RuleSet(String version, List<ClassificationRule> rules) {
    private static final Pattern VERSION = Pattern.compile("v[1-9][0-9]*");

    public RuleSet {
        if (!VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("rule set version '" + version + "' must look like v1");
        }
        rules = List.copyOf(rules);
        Set<String> ids = new HashSet<>();
        for (ClassificationRule rule : rules) {
            if (!rule.id().startsWith(version + ".")) {
                throw new IllegalArgumentException("rule " + rule.id() + " does not belong to " + version);
            }
            if (rule.id().equals(version + ".unknown") || !ids.add(rule.id())) {
                throw new IllegalArgumentException("rule id " + rule.id() + " is reserved or duplicated");
            }
        }
    }

    /** The current rule set. */
    public static RuleSet v1() {
        return RuleSetV1.create();
    }

    /** The id of the verdict given when no rule matches. */
    public String fallbackId() {
        return version + ".unknown";
    }
}
