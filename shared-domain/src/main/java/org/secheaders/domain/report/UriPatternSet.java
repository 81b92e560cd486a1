package org.secheaders.domain.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable set of {@link UriPattern}s indexed by scheme, exact host and domain suffix, so matching a
 * URI costs a few hash lookups however long the list (the default noise list has about a hundred entries).
 * When several patterns match, the most specific wins: scheme, exact host, longest suffix, then {@code *}.
 */
public final class UriPatternSet {
    private static final UriPatternSet EMPTY = new UriPatternSet(List.of());

    private final List<UriPattern> patterns;
    private final Map<String, UriPattern> bySchemeOnly = new HashMap<>();
    private final Map<String, List<UriPattern>> byExactHost = new HashMap<>();
    private final Map<String, List<UriPattern>> bySuffix = new HashMap<>();
    private final List<UriPattern> anyHost = new ArrayList<>();

    private UriPatternSet(List<UriPattern> patterns) {
        this.patterns = List.copyOf(patterns);
        for (UriPattern pattern : this.patterns) {
            switch (pattern.kind()) {
                case SCHEME -> bySchemeOnly.putIfAbsent(pattern.scheme().orElseThrow(), pattern);
                case EXACT_HOST -> byExactHost.computeIfAbsent(pattern.host(), h -> new ArrayList<>()).add(pattern);
                case HOST_SUFFIX -> bySuffix.computeIfAbsent(pattern.host(), h -> new ArrayList<>()).add(pattern);
                case ANY_HOST -> anyHost.add(pattern);
            }
        }
    }

    public static UriPatternSet empty() {
        return EMPTY;
    }

    /**
     * Parses every pattern; duplicates are kept once.
     *
     * @throws IllegalArgumentException listing every invalid pattern with its position and reason
     */
    public static UriPatternSet of(Collection<String> patterns) {
        Map<String, UriPattern> parsed = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        int index = 0;
        for (String pattern : patterns) {
            try {
                UriPattern p = UriPattern.parse(pattern);
                parsed.putIfAbsent(p.text(), p);
            } catch (IllegalArgumentException e) {
                problems.add("[" + index + "] " + e.getMessage());
            }
            index++;
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return parsed.isEmpty() ? EMPTY : new UriPatternSet(new ArrayList<>(parsed.values()));
    }

    public List<UriPattern> patterns() {
        return patterns;
    }

    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    /** The most specific pattern matching the URI. */
    public Optional<UriPattern> match(SanitizedUri uri) {
        UriPattern scheme = bySchemeOnly.get(uri.scheme());
        if (scheme != null) {
            return Optional.of(scheme);
        }
        Optional<String> host = uri.host();
        if (host.isEmpty()) {
            return Optional.empty();
        }
        Optional<UriPattern> exact = first(byExactHost.get(host.get()), uri);
        if (exact.isPresent()) {
            return exact;
        }
        String candidate = host.get();
        while (true) {
            Optional<UriPattern> suffix = first(bySuffix.get(candidate), uri);
            if (suffix.isPresent()) {
                return suffix;
            }
            int dot = candidate.indexOf('.');
            if (dot < 0) {
                return first(anyHost, uri);
            }
            candidate = candidate.substring(dot + 1);
        }
    }

    private static Optional<UriPattern> first(List<UriPattern> candidates, SanitizedUri uri) {
        if (candidates == null) {
            return Optional.empty();
        }
        for (UriPattern pattern : candidates) {
            if (pattern.matches(uri)) {
                return Optional.of(pattern);
            }
        }
        return Optional.empty();
    }
}
