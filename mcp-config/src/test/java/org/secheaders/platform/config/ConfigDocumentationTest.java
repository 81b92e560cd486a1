package org.secheaders.platform.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/TRANSPORTS.md lists every setting under all three spellings. */
class ConfigDocumentationTest {

    @Test
    void everySettingIsDocumented() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "TRANSPORTS.md"));
        for (ConfigKey key : ConfigKey.values()) {
            String row = "| `" + key.fileKey() + "` | `" + key.flag() + "`";
            assertTrue(doc.contains(row) && doc.contains("`" + key.envVar() + "`"), () -> "undocumented: " + key);
        }
    }
}
