package org.secheaders.domain.compliance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The OWASP Secure Headers Project's published lists: recommended header values
 * ({@code oshp-headers-add.json}) and headers that leak implementation details
 * ({@code oshp-headers-remove.json}). They are third-party data (Apache-2.0) kept outside this
 * repository and loaded from a configured directory; without them the built-in rules stand alone.
 *
 * @param lastUpdate  the lists' {@code last_update_utc}
 * @param recommended header name (lower case) → recommended value, in the file's order
 * @param names       header name (lower case) → the name as OSHP spells it
 * @param toRemove    header names (lower case) that should not be sent
 */
public record OshpReference(String lastUpdate, Map<String, String> recommended, Map<String, String> names,
                            Set<String> toRemove) {

    public static final String ADD_FILE = "oshp-headers-add.json";
    public static final String REMOVE_FILE = "oshp-headers-remove.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** RFC 9110 field-name (token) characters; entries that are not field names are skipped. */
    private static final Pattern FIELD_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    public OshpReference {
        recommended = Map.copyOf(recommended);
        names = Map.copyOf(names);
        toRemove = Set.copyOf(toRemove);
    }

    /**
     * Reads both files from {@code directory}. Fails when either is missing or malformed: a
     * configured reference that cannot be read is a configuration error, not a reason to carry on.
     */
    public static OshpReference load(Path directory) {
        JsonNode add = read(directory.resolve(ADD_FILE));
        JsonNode remove = read(directory.resolve(REMOVE_FILE));
        Map<String, String> recommended = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (JsonNode header : add.path("headers")) {
            String name = header.path("name").asText("");
            if (FIELD_NAME.matcher(name).matches() && header.path("value").isTextual()) {
                recommended.put(name.toLowerCase(Locale.ROOT), header.path("value").asText());
                names.put(name.toLowerCase(Locale.ROOT), name);
            }
        }
        Set<String> toRemove = new TreeSet<>();
        for (JsonNode header : remove.path("headers")) {
            String name = header.asText("");
            if (FIELD_NAME.matcher(name).matches()) {
                toRemove.add(name.toLowerCase(Locale.ROOT));
            }
        }
        if (recommended.isEmpty() || toRemove.isEmpty()) {
            throw new IllegalArgumentException("OSHP lists in " + directory + " hold no headers");
        }
        return new OshpReference(add.path("last_update_utc").asText("unknown"), recommended, names, toRemove);
    }

    /** OSHP's recommended value for a header, matched case-insensitively. */
    public Optional<String> recommendedValue(String header) {
        return Optional.ofNullable(recommended.get(header.toLowerCase(Locale.ROOT)));
    }

    public boolean listsForRemoval(String header) {
        return toRemove.contains(header.toLowerCase(Locale.ROOT));
    }

    /** One line for reports: which lists were used. */
    public String describe() {
        return "OWASP Secure Headers Project lists of " + lastUpdate + ": " + recommended.size()
                + " recommended values, " + toRemove.size() + " headers to remove";
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read OSHP list " + file, e);
        }
    }
}
