package org.secheaders.domain.compliance.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@code Permissions-Policy} header read leniently, as observed on real sites: feature → the
 * members of its allowlist ({@code *}, {@code self}, {@code src} or quoted origins); an empty list
 * is {@code ()}, "nobody". Returns empty when the value is not a dictionary at all, which browsers
 * ignore. (The policy engine's strict parser validates configuration; this one reads responses.)
 */
public final class PermissionsPolicyMembers {
    /** Sensors, capture devices, hardware access, payment and ad-targeting features, sorted. */
    public static final Set<String> PRIVACY_SENSITIVE = Collections.unmodifiableSet(new TreeSet<>(Set.of(
            "accelerometer", "browsing-topics", "camera", "display-capture", "geolocation", "gyroscope", "hid",
            "interest-cohort", "magnetometer", "microphone", "payment", "serial", "usb")));

    private PermissionsPolicyMembers() {
    }

    public static Optional<Map<String, List<String>>> parse(String header) {
        Map<String, List<String>> features = new LinkedHashMap<>();
        for (String member : splitTopLevel(header)) {
            String entry = member.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                return Optional.empty();
            }
            String feature = entry.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            features.put(feature, allowlist(entry.substring(eq + 1).trim()));
        }
        return features.isEmpty() ? Optional.empty() : Optional.of(features);
    }

    private static List<String> allowlist(String value) {
        String inner = value.startsWith("(") && value.endsWith(")") ? value.substring(1, value.length() - 1) : value;
        List<String> members = new ArrayList<>();
        for (String token : inner.trim().split("\\s+")) {
            if (!token.isEmpty()) {
                members.add(token.toLowerCase(Locale.ROOT));
            }
        }
        return members;
    }

    /** Splits on commas outside parentheses and quotes. */
    private static List<String> splitTopLevel(String header) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (!quoted && depth == 0 && c == ',') {
                parts.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        parts.add(current.toString());
        return parts;
    }
}
