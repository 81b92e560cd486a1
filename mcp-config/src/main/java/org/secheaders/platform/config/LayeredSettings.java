package org.secheaders.platform.config;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Raw settings merged from all sources, later layers winning, read through typed parsers. */
final class LayeredSettings {

    /** Turns one raw value into a typed one or throws {@link ConfigValue#invalid}. */
    @FunctionalInterface
    interface Parser<T> {
        T parse(ConfigValue value);
    }

    private final Map<ConfigKey, ConfigValue> values;

    private LayeredSettings(Map<ConfigKey, ConfigValue> values) {
        this.values = values;
    }

    /** @param layers lowest precedence first */
    static LayeredSettings merge(List<Map<ConfigKey, ConfigValue>> layers) {
        Map<ConfigKey, ConfigValue> merged = new EnumMap<>(ConfigKey.class);
        layers.forEach(merged::putAll);
        return new LayeredSettings(merged);
    }

    Optional<ConfigValue> value(ConfigKey key) {
        return Optional.ofNullable(values.get(key));
    }

    /** For keys that have a default, so a value always exists. */
    <T> T get(ConfigKey key, Parser<T> parser) {
        return optional(key, parser).orElseThrow(() -> new IllegalStateException(key + " has no default"));
    }

    <T> Optional<T> optional(ConfigKey key, Parser<T> parser) {
        return value(key).map(parser::parse);
    }
}
