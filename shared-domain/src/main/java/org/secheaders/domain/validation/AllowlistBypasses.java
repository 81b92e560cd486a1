package org.secheaders.domain.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * URLs known to defeat a host allowlist: JSONP endpoints (a callback parameter turns them into
 * attacker-chosen script), AngularJS copies (template injection runs script) and Flash files.
 * {@link #builtIn()} is a short curated list; the full lists the CSP Evaluator maintains can be
 * loaded with {@link #load(Path)}.
 *
 * @param jsonp          JSONP endpoints
 * @param jsonpNeedsEval hosts whose JSONP endpoints only help an attacker when {@code 'unsafe-eval'} is allowed
 * @param angular        AngularJS copies
 * @param flash          Flash files
 */
public record AllowlistBypasses(List<Url> jsonp, Set<String> jsonpNeedsEval, List<Url> angular, List<Url> flash) {

    private static final String BUILT_IN = "allowlist-bypasses.json";
    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build();

    public AllowlistBypasses {
        jsonp = List.copyOf(jsonp);
        jsonpNeedsEval = jsonpNeedsEval.stream().map(h -> h.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        angular = List.copyOf(angular);
        flash = List.copyOf(flash);
    }

    /**
     * A known URL, split the way it is matched against a source: lower-case host and path.
     *
     * @param path the URL's path, {@code /} when it has none
     */
    public record Url(String host, String path) {
        /** Parses {@code //host/path} or {@code https://host/path}. */
        public static Url parse(String url) {
            return new Url(SourceValues.hostname(url), SourceValues.path(SourceValues.schemeFree(url)));
        }
    }

    public static AllowlistBypasses of(
            Collection<String> jsonpUrls, Collection<String> jsonpNeedsEval,
            Collection<String> angularUrls, Collection<String> flashUrls) {
        return new AllowlistBypasses(parseAll(jsonpUrls), Set.copyOf(jsonpNeedsEval),
                parseAll(angularUrls), parseAll(flashUrls));
    }

    /** The short list shipped in this module's resources (read once). */
    public static AllowlistBypasses builtIn() {
        return BuiltIn.LIST;
    }

    /** Holder idiom: the resource is read on first use, once. */
    private static final class BuiltIn {
        static final AllowlistBypasses LIST = read();

        private static AllowlistBypasses read() {
            try (InputStream in = AllowlistBypasses.class.getResourceAsStream(BUILT_IN)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + BUILT_IN + " is missing from the classpath");
                }
                JsonNode root = JSON.readTree(in);
                return fromSections(root.path("jsonp"), root.path("angular"), root.path("flash"), BUILT_IN);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read resource " + BUILT_IN, e);
            }
        }
    }

    /**
     * Loads the CSP Evaluator's lists from a directory holding one file each whose name ends in
     * {@code jsonp.json}, {@code angular.json} and {@code flash.json} (as in its
     * {@code allowlist_bypasses/json/}): objects with a {@code urls} array, plus {@code needsEval} for JSONP.
     */
    public static AllowlistBypasses load(Path directory) throws IOException {
        return fromSections(read(directory, "jsonp.json"), read(directory, "angular.json"),
                read(directory, "flash.json"), directory.toString());
    }

    private static AllowlistBypasses fromSections(JsonNode jsonp, JsonNode angular, JsonNode flash, String source)
            throws IOException {
        JsonNode needsEval = jsonp.path("needsEval");
        return of(strings(jsonp.path("urls"), source + " (jsonp urls)"),
                needsEval.isMissingNode() ? List.of() : strings(needsEval, source + " (jsonp needsEval)"),
                strings(angular.path("urls"), source + " (angular urls)"),
                strings(flash.path("urls"), source + " (flash urls)"));
    }

    private static JsonNode read(Path directory, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> matches = files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList();
            if (matches.size() != 1) {
                throw new NoSuchFileException(directory.toString(), null,
                        "expected exactly one file named *" + suffix + ", found " + matches.size());
            }
            return JSON.readTree(matches.get(0).toFile());
        }
    }

    private static List<String> strings(JsonNode array, String source) throws IOException {
        if (!array.isArray()) {
            throw new IOException(source + ": expected an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : array) {
            if (!item.isTextual()) {
                throw new IOException(source + ": expected a string, found " + item);
            }
            out.add(item.asText());
        }
        return out;
    }

    private static List<Url> parseAll(Collection<String> urls) {
        return urls.stream().map(Url::parse).toList();
    }
}
