package org.secheaders.platform.config;

import java.util.Arrays;
import java.util.List;

/** One raw setting and its origin; parsing failures become {@link ConfigException}s that name both. */
public record ConfigValue(ConfigKey key, String raw, ConfigOrigin origin) {

    /** The value as messages may show it: quoted, or masked for secrets. */
    public String shown() {
        return key.secret() ? "'***'" : "'" + raw + "'";
    }

    /** Items of a list setting; blanks are dropped. */
    public List<String> items() {
        return Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** @param problem phrased to follow the value, e.g. {@code "is not a port number (0-65535)"} */
    public ConfigException invalid(String problem) {
        return new ConfigException(origin.describe(shown()) + " " + problem);
    }
}
