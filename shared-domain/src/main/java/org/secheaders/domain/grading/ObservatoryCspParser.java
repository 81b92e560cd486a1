package org.secheaders.domain.grading;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Observatory's CSP parser ({@code cspParser.js}), not a browser's: directive names and
 * sources are lower-cased, a repeated directive rejects the whole list (except {@code report-uri}
 * and {@code report-to}), a source list left empty means {@code 'none'}, and several policies are
 * merged by its own approximation of their intersection, which this class reproduces step by step
 * because the grade depends on what survives it.
 */
final class ObservatoryCspParser {
    /** A policy shorter than {@code "img-src"} minus one character is rejected. */
    private static final int SHORTEST_POLICY = "img-src".length() - 1;
    private static final Set<String> ALLOWED_DUPLICATES = Set.of("report-uri", "report-to");
    private static final List<String> DISALLOWED_IN_META = List.of("frame-ancestors", "report-uri", "sandbox");
    private static final Comparator<Source> BY_COLLATION =
            Comparator.comparing(Source::text, EnglishCollationOrder.INSTANCE);

    private ObservatoryCspParser() {
    }

    /** Parses policies delivered by headers; empty when the Observatory would reject them. */
    static Optional<ParsedCsp> parse(List<String> policies) {
        try {
            return Optional.of(parseOrThrow(policies));
        } catch (InvalidPolicyException e) {
            return Optional.empty();
        }
    }

    /** Parses {@code <meta http-equiv>} policies, dropping the directives a meta policy cannot carry. */
    static Optional<ParsedCsp> parseMeta(List<String> policies) {
        return parse(policies).map(csp -> {
            DISALLOWED_IN_META.forEach(csp.directives()::remove);
            return csp;
        });
    }

    private static ParsedCsp parseOrThrow(List<String> policies) throws InvalidPolicyException {
        List<String> cleaned = policies.stream()
                .map(policy -> JsText.trim(policy.replaceAll("[\r\n]", "")))
                .toList();
        for (String policy : cleaned) {
            if (policy.length() < SHORTEST_POLICY) {
                throw new InvalidPolicyException();
            }
        }
        Map<String, List<Source>> merged = new LinkedHashMap<>();
        Set<String> duplicateWarnings = new LinkedHashSet<>();
        for (int policyIndex = 0; policyIndex < cleaned.size(); policyIndex++) {
            Set<String> seenInThisPolicy = new HashSet<>();
            for (String entry : JsText.split(cleaned.get(policyIndex), ';')) {
                List<String> tokens = JsText.splitOnWhitespace(JsText.trim(entry));
                if (tokens.get(0).isEmpty()) {
                    continue;
                }
                String directive = tokens.get(0).toLowerCase(Locale.ROOT);
                if (!seenInThisPolicy.add(directive)) {
                    if (!ALLOWED_DUPLICATES.contains(directive)) {
                        throw new InvalidPolicyException();
                    }
                    duplicateWarnings.add(directive);
                }
                List<Source> kept = merge(merged, directive, sources(directive, tokens, policyIndex), policyIndex);
                merged.put(directive, kept);
                // Before a second policy is merged in, the first one's sources survive only if
                // the next policy matches them, so they start out dropped.
                if (policyIndex == 0 && policies.size() > 1) {
                    kept.forEach(source -> source.keep = false);
                }
            }
        }
        Map<String, Set<String>> directives = new LinkedHashMap<>();
        merged.forEach((directive, sources) -> {
            Set<String> texts = new LinkedHashSet<>();
            sources.forEach(source -> texts.add(source.text));
            directives.put(directive, texts.isEmpty() ? new LinkedHashSet<>(Set.of("'none'")) : texts);
        });
        return new ParsedCsp(directives, duplicateWarnings);
    }

    private static List<Source> sources(String directive, List<String> tokens, int policyIndex) {
        boolean keep = policyIndex == 0;
        List<Source> values = new ArrayList<>();
        for (String raw : tokens.subList(1, tokens.size())) {
            values.add(new Source(JsText.trim(raw).toLowerCase(Locale.ROOT), policyIndex, keep));
        }
        if (values.isEmpty() && directive.endsWith("-src")) {
            values.add(new Source("'none'", policyIndex, keep));
        }
        return values;
    }

    /**
     * Sorts the directive's sources so far together with this policy's and walks neighbours: a
     * source is dropped when its neighbour from the same policy is a prefix of it, and kept when
     * its neighbour from another policy matches it path by path.
     */
    private static List<Source> merge(Map<String, List<Source>> merged, String directive,
                                      List<Source> values, int policyIndex) throws InvalidPolicyException {
        List<Source> combined = new ArrayList<>();
        if (policyIndex > 0) {
            combined.addAll(merged.getOrDefault(directive, List.of()));
        }
        combined.addAll(values);
        combined.sort(BY_COLLATION);
        for (int i = 1; i < combined.size(); i++) {
            Source source = combined.get(i);
            Source previous = combined.get(i - 1);
            if (source.policyIndex == previous.policyIndex && source.text.startsWith(previous.text)) {
                source.keep = false;
            }
            if (source.policyIndex != previous.policyIndex && pathPartMatch(previous.text, source.text)) {
                source.keep = true;
            }
        }
        return new ArrayList<>(combined.stream().filter(source -> source.keep).toList());
    }

    private static boolean pathPartMatch(String pathA, String pathB) throws InvalidPolicyException {
        if (pathA.isEmpty() || (pathA.equals("/") && pathB.isEmpty())) {
            return true;
        }
        boolean exactMatch = !pathA.endsWith("/");
        List<String> partsA = JsText.split(pathA, '/');
        List<String> partsB = JsText.split(pathB, '/');
        if (partsA.size() > partsB.size() || (exactMatch && partsA.size() != partsB.size())) {
            return false;
        }
        if (!exactMatch) {
            partsA = partsA.subList(0, partsA.size() - 1);
        }
        for (int i = 0; i < partsA.size(); i++) {
            if (!decode(partsA.get(i)).equals(decode(partsB.get(i)))) {
                return false;
            }
        }
        return true;
    }

    /** A malformed percent escape throws in the Observatory, which rejects the whole policy list. */
    private static String decode(String piece) throws InvalidPolicyException {
        try {
            return JsText.decodeUriComponent(piece);
        } catch (IllegalArgumentException e) {
            throw new InvalidPolicyException();
        }
    }

    /** A source while policies are merged; {@code keep} flips as the merge walks the sorted list. */
    private static final class Source {
        private final String text;
        private final int policyIndex;
        private boolean keep;

        private Source(String text, int policyIndex, boolean keep) {
            this.text = text;
            this.policyIndex = policyIndex;
            this.keep = keep;
        }

        private String text() {
            return text;
        }
    }

    private static final class InvalidPolicyException extends Exception {
        private static final long serialVersionUID = 1L;

        private InvalidPolicyException() {
            super(null, null, false, false);
        }
    }
}
