package org.secheaders.platform.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProcessShutdownTest {

    @Test
    void aRunningProcessIsNotShuttingDown() {
        assertFalse(ProcessShutdown.inProgress());
        assertFalse(ProcessShutdown.inProgress(), "the probe leaves no hook behind");
    }

    @Test
    void aShutdownHookSeesTheShutdown() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                Probe.class.getName())).redirectErrorStream(true).start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals("before exit: false\nin a shutdown hook: true\n", output);
    }

    /** Prints what {@link ProcessShutdown} says before exiting and from a shutdown hook. */
    public static final class Probe {
        public static void main(String[] args) {
            System.out.println("before exit: " + ProcessShutdown.inProgress());
            Runtime.getRuntime().addShutdownHook(new Thread(
                    () -> System.out.println("in a shutdown hook: " + ProcessShutdown.inProgress())));
        }
    }
}
