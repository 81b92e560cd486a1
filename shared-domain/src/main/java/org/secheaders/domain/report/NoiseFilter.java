package org.secheaders.domain.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a normalized report is noise: injected by an extension, adware, proxy or antivirus, a
 * browser artefact, a developer's machine, or denied by the tenant. Immutable and thread-safe.
 *
 * <p>Order, first match wins: tenant allow patterns (on blocked URI and source file; a match means "not
 * noise"), tenant deny patterns, then — when the tenant keeps the defaults — the default list on the blocked
 * URI and source file, the extension, browser-internal and local-address rules on the document URI (except
 * {@code about:} documents, which srcdoc and blank frames that inherit the policy report from),
 * injected-script signatures on the sample, and browser bugs.
 */
public final class NoiseFilter {
    static final String DEFAULTS_RESOURCE = "noise-defaults.txt";
    static final String PRIVATE_ADDRESS_RULE = "private-address";
    /** Firefox before 43 reported its own inline scripts as blocked {@code self} (bug 1026520). */
    static final String FIREFOX_SELF_BUG_RULE = "firefox-1026520-self-script";
    private static final int FIRST_FIREFOX_WITHOUT_SELF_BUG = 43;
    /**
     * A document is noise only as an extension or browser page, or on a developer's machine; an injector
     * host list says nothing about the tenant's own pages.
     */
    private static final Set<NoiseCategory> DOCUMENT_CATEGORIES =
            EnumSet.of(NoiseCategory.EXTENSION, NoiseCategory.BROWSER_INTERNAL, NoiseCategory.LOCAL_ADDRESS);

    private record Signature(NoiseCategory category, String text) {
    }

    private record Target(SanitizedUri uri, NoiseLocation location) {
    }

    private final Map<NoiseCategory, UriPatternSet> patterns;
    private final List<Signature> signatures;

    private NoiseFilter(Map<NoiseCategory, UriPatternSet> patterns, List<Signature> signatures) {
        this.patterns = patterns;
        this.signatures = List.copyOf(signatures);
    }

    /** The filter with the default list shipped in {@code noise-defaults.txt}. */
    public static NoiseFilter defaults() {
        return DefaultsHolder.INSTANCE;
    }

    private static final class DefaultsHolder {
        private static final NoiseFilter INSTANCE = fromResource(DEFAULTS_RESOURCE);
    }

    static NoiseFilter fromResource(String name) {
        try (InputStream in = NoiseFilter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("noise list resource " + name + " is missing");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read noise list " + name, e);
        }
    }

    /** @throws IllegalArgumentException naming the line of the first problem */
    static NoiseFilter parse(List<String> lines) {
        Map<NoiseCategory, List<String>> patternText = new EnumMap<>(NoiseCategory.class);
        List<Signature> signatures = new ArrayList<>();
        Optional<NoiseCategory> section = Optional.empty();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String where = "noise list line " + (i + 1) + ": ";
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = Optional.of(category(line.substring(1, line.length() - 1), where));
                continue;
            }
            NoiseCategory category = section.orElseThrow(
                    () -> new IllegalArgumentException(where + "entry before any [category] line"));
            if (line.startsWith("\"")) {
                if (line.length() < 3 || !line.endsWith("\"")) {
                    throw new IllegalArgumentException(where + "a signature must be a non-empty \"quoted\" string");
                }
                signatures.add(new Signature(category, line.substring(1, line.length() - 1)));
            } else {
                patternText.computeIfAbsent(category, c -> new ArrayList<>()).add(line);
            }
        }
        Map<NoiseCategory, UriPatternSet> patterns = new EnumMap<>(NoiseCategory.class);
        patternText.forEach((category, list) -> {
            try {
                patterns.put(category, UriPatternSet.of(list));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("noise list [" + category.id() + "]: " + e.getMessage(), e);
            }
        });
        return new NoiseFilter(patterns, signatures);
    }

    private static NoiseCategory category(String id, String where) {
        for (NoiseCategory category : NoiseCategory.values()) {
            if (category.id().equals(id) && category != NoiseCategory.TENANT_DENY) {
                return category;
            }
        }
        throw new IllegalArgumentException(where + "unknown category '" + id + "'");
    }

    public NoiseVerdict check(NormalizedReport report, NoiseRules rules) {
        List<Target> targets = new ArrayList<>(2);
        report.blocked().uri().ifPresent(uri -> targets.add(new Target(uri, NoiseLocation.BLOCKED_URI)));
        report.sourceFile().ifPresent(uri -> targets.add(new Target(uri, NoiseLocation.SOURCE_FILE)));
        for (Target target : targets) {
            Optional<UriPattern> allowed = rules.allow().match(target.uri());
            if (allowed.isPresent()) {
                return new NoiseVerdict.Allowed(allowed.get().text(), target.location());
            }
        }
        for (Target target : targets) {
            Optional<UriPattern> denied = rules.deny().match(target.uri());
            if (denied.isPresent()) {
                return new NoiseVerdict.Noise(NoiseCategory.TENANT_DENY, denied.get().text(), target.location());
            }
        }
        if (!rules.useDefaults()) {
            return new NoiseVerdict.Clean();
        }
        if (!report.document().scheme().equals("about")) {
            targets.add(new Target(report.document(), NoiseLocation.DOCUMENT_URI));
        }
        for (Target target : targets) {
            Optional<NoiseVerdict.Noise> noise = matchDefaults(target);
            if (noise.isPresent()
                    && (target.location() != NoiseLocation.DOCUMENT_URI || DOCUMENT_CATEGORIES.contains(noise.get().category()))) {
                return noise.get();
            }
        }
        Optional<NoiseVerdict.Noise> injected = report.sample().flatMap(this::matchSignature);
        if (injected.isPresent()) {
            return injected.get();
        }
        return isFirefoxSelfBug(report)
                ? new NoiseVerdict.Noise(NoiseCategory.BROWSER_BUG, FIREFOX_SELF_BUG_RULE, NoiseLocation.USER_AGENT)
                : new NoiseVerdict.Clean();
    }

    private Optional<NoiseVerdict.Noise> matchDefaults(Target target) {
        for (Map.Entry<NoiseCategory, UriPatternSet> entry : patterns.entrySet()) {
            Optional<UriPattern> match = entry.getValue().match(target.uri());
            if (match.isPresent()) {
                return Optional.of(new NoiseVerdict.Noise(entry.getKey(), match.get().text(), target.location()));
            }
        }
        return target.uri().host().filter(LocalAddresses::isLocal)
                .map(host -> new NoiseVerdict.Noise(NoiseCategory.LOCAL_ADDRESS, PRIVATE_ADDRESS_RULE, target.location()));
    }

    private Optional<NoiseVerdict.Noise> matchSignature(Sample sample) {
        for (Signature signature : signatures) {
            if (sample.text().contains(signature.text())) {
                return Optional.of(new NoiseVerdict.Noise(signature.category(), signature.text(), NoiseLocation.SAMPLE));
            }
        }
        return Optional.empty();
    }

    private static boolean isFirefoxSelfBug(NormalizedReport report) {
        ReducedUserAgent ua = report.userAgent();
        return ua.family() == BrowserFamily.FIREFOX
                && ua.majorVersion().isPresent() && ua.majorVersion().getAsInt() < FIRST_FIREFOX_WITHOUT_SELF_BUG
                && report.directive().startsWith("script-src")
                && report.blockedKeyword().filter(k -> k == BlockedKeyword.SELF).isPresent();
    }
}
