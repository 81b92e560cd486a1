package org.secheaders.platform.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Reads a {@code .properties}, {@code .json}, {@code .yaml} or {@code .yml} config file. Nested
 * objects become dotted keys ({@code identity: {role: admin}} = {@code identity.role=admin}),
 * arrays become comma-separated lists, and unknown keys are errors so typos do not go unnoticed.
 */
final class ConfigFile {

    private ConfigFile() {
    }

    /** @param source where the path itself came from, for messages */
    static Map<ConfigKey, ConfigValue> read(Path file, String source) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("config file " + file + " (from " + source + ") does not exist or is not a file");
        }
        Map<String, String> flat = flatten(file);
        Map<String, ConfigKey> byFileKey = Arrays.stream(ConfigKey.values())
                .collect(Collectors.toMap(ConfigKey::fileKey, k -> k));
        Map<ConfigKey, ConfigValue> values = new EnumMap<>(ConfigKey.class);
        flat.forEach((name, raw) -> {
            ConfigKey key = byFileKey.get(name);
            if (key == null) {
                throw new ConfigException("unknown setting '" + name + "' in " + file + "; known: "
                        + String.join(", ", byFileKey.keySet().stream().sorted().toList()));
            }
            values.put(key, new ConfigValue(key, raw, new ConfigOrigin.FileKey(name, file)));
        });
        return values;
    }

    private static Map<String, String> flatten(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".properties")) {
                return readProperties(file);
            }
            if (name.endsWith(".json")) {
                return flattenTree(new ObjectMapper().readTree(file.toFile()), file);
            }
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                return flattenTree(new ObjectMapper(new YAMLFactory()).readTree(file.toFile()), file);
            }
        } catch (IOException e) {
            throw new ConfigException("config file " + file + " cannot be read: " + firstLine(e.getMessage()));
        }
        throw new ConfigException("config file " + file + " must end in .properties, .json, .yaml or .yml");
    }

    private static Map<String, String> readProperties(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        Map<String, String> flat = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> flat.put(key, properties.getProperty(key).trim()));
        return flat;
    }

    private static Map<String, String> flattenTree(JsonNode root, Path file) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            return Map.of();
        }
        if (!root.isObject()) {
            throw new ConfigException("config file " + file + " must hold an object of settings");
        }
        Map<String, String> flat = new LinkedHashMap<>();
        flattenInto("", root, flat, file);
        return flat;
    }

    private static void flattenInto(String prefix, JsonNode node, Map<String, String> flat, Path file) {
        node.properties().forEach(field -> {
            String key = prefix + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flattenInto(key + ".", value, flat, file);
            } else if (value.isArray()) {
                flat.put(key, StreamSupport.stream(value.spliterator(), false)
                        .map(item -> scalar(key, item, file))
                        .collect(Collectors.joining(",")));
            } else if (!value.isNull()) {
                flat.put(key, scalar(key, value, file));
            }
        });
    }

    private static String scalar(String key, JsonNode node, Path file) {
        if (!node.isValueNode()) {
            throw new ConfigException(key + " in " + file + " must be a value or a list of values");
        }
        return node.asText().trim();
    }

    private static String firstLine(String message) {
        return message == null ? "unknown error" : message.lines().findFirst().orElse(message);
    }
}
