package org.secheaders.platform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cds create}'s errors; the training run of a real server is covered by the distribution's
 * ClassDataArchiveTest, which needs the shaded jar.
 */
class CdsCreateCommandTest {

    @TempDir
    Path dir;

    @Test
    void badServerOrJarExitTwoNamingIt() throws IOException {
        Path jar = emptyJar("secheaders.jar");
        CliRun.Result unknown = CliRun.standard().run("cds", "create", "--jar", jar.toString(), "--server", "payroll");
        assertEquals(2, unknown.exitCode(), unknown::toString);
        assertTrue(unknown.err().contains("--server: no server module 'payroll'"), unknown::toString);

        CliRun.Result missing = CliRun.standard().run("cds", "create", "--jar", dir.resolve("nope.jar").toString());
        assertEquals(2, missing.exitCode(), missing::toString);
        assertTrue(missing.err().contains("nope.jar does not exist"), missing::toString);
    }

    @Test
    void aServerThatDoesNotStartFailsTheRunWithItsStderrAndLeavesNoArchive() throws IOException {
        // The manifest names the CLI, but the jar holds no classes: java cannot start it.
        Path jar = emptyJar("secheaders.jar");
        CliRun.Result result = CliRun.standard().run("cds", "create", "--jar", jar.toString(), "--server", "sample",
                "--data-dir", dir.resolve("data").toString());

        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.err().contains("Training sample"), result::toString);
        assertTrue(result.err().contains("before answering request 1"), result::toString);
        assertTrue(result.err().contains("Could not find or load main class"), result::toString);
        assertFalse(Files.exists(dir.resolve("secheaders.sample.jsa")));
        assertFalse(Files.exists(dir.resolve("secheaders.sample.jsa.partial")));
    }

    private Path emptyJar(String name) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, SecheadersCli.class.getName());
        Path jar = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.finish();
        }
        return jar;
    }
}
