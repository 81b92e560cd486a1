package org.secheaders.platform.config;

import java.nio.file.Path;

/** Where a configuration value came from, so an error can point at it. */
public sealed interface ConfigOrigin {

    /** e.g. {@code SECHEADERS_PORT='abc'} or {@code port='abc' in /etc/secheaders.yaml}. */
    String describe(String shownValue);

    record Flag(String flag) implements ConfigOrigin {
        @Override
        public String describe(String shownValue) {
            return flag + "=" + shownValue;
        }
    }

    record EnvVar(String name) implements ConfigOrigin {
        @Override
        public String describe(String shownValue) {
            return name + "=" + shownValue;
        }
    }

    record FileKey(String key, Path file) implements ConfigOrigin {
        @Override
        public String describe(String shownValue) {
            return key + "=" + shownValue + " in " + file;
        }
    }

    record Default(String key) implements ConfigOrigin {
        @Override
        public String describe(String shownValue) {
            return "default " + key + "=" + shownValue;
        }
    }
}
