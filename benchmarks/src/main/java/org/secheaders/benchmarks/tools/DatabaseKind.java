package org.secheaders.benchmarks.tools;

import java.util.Arrays;
import java.util.Locale;

/** Where the benchmark keeps its violations. */
enum DatabaseKind {
    H2, POSTGRESQL;

    static DatabaseKind parse(String text) {
        return Arrays.stream(values()).filter(kind -> kind.wireName().equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--db must be h2 or postgresql, got '" + text + "'"));
    }

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
