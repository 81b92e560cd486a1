package org.secheaders.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandLineFlagsTest {

    @Test
    void theUsualFormsAreReadWithoutPicocliAsPicocliReadsThem() {
        List<String[]> commandLines = List.of(
                new String[] {},
                new String[] {"--data-dir", "/tmp/cold"},
                new String[] {"--data-dir=/tmp/cold", "--log-level", "debug"},
                new String[] {"--db-url=jdbc:h2:mem:x;MODE=PostgreSQL", "--config", "secheaders.yaml"},
                new String[] {"--token", "superadmin:s3cret", "--token=tenant_admin@7:other", "--allowed-origins", "a,b"},
                new String[] {"-h", "--transport", "http"},
                new String[] {"--help"});
        for (String[] args : commandLines) {
            assertEquals(Optional.of(CommandLineFlags.parseWithPicocli(args)), CommandLineFlags.parsePlain(args),
                    String.join(" ", args));
        }
    }

    @Test
    void anythingElseIsLeftToPicocliWithItsMessages() {
        List<String[]> commandLines = List.of(
                new String[] {"--no-such-flag", "x"},
                new String[] {"--data-dir"},
                new String[] {"--data-dir", "a", "--data-dir", "b"},
                new String[] {"--data-dir", "--log-level", "debug"},
                new String[] {"stray"},
                new String[] {"@args.txt"},
                new String[] {"--port="});
        for (String[] args : commandLines) {
            assertEquals(Optional.empty(), CommandLineFlags.parsePlain(args), String.join(" ", args));
        }
        ConfigException unknown = assertThrows(ConfigException.class, () -> CommandLineFlags.parse("--no-such-flag", "x"));
        assertTrue(unknown.getMessage().contains("Unknown options: '--no-such-flag', 'x'"), unknown.getMessage());
        assertEquals(CommandLineFlags.parseWithPicocli("--port="), CommandLineFlags.parse("--port="));
    }
}
