package org.secheaders.platform.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The AppCDS archive of one server started from one jar: the classes it loads until its first
 * {@code tools/list}, pre-parsed, which cuts a cold start by a third or more. It lives next to the jar, as
 * {@code <jar name>.<server>.jsa}: it is only valid for that jar (a rebuilt jar needs a new one, and
 * {@code mvn clean} removes both), and it does not depend on the data directory. JDK 17 cannot make
 * it automatically, hence {@code secheaders cds create}; a missing or outdated archive only costs
 * the speed-up, as the JVM then loads classes the usual way.
 *
 * @param path   absolute
 * @param jar    the jar it was (or is to be) made from
 */
public record ClassDataArchive(Path path, Path jar) {

    /** Where the archive of {@code serverId} started from {@code jar} belongs. */
    public static ClassDataArchive of(ServerJar jar, String serverId) {
        String name = jar.path().getFileName().toString().replaceFirst("\\.jar$", "");
        return new ClassDataArchive(jar.path().resolveSibling(name + "." + serverId + ".jsa"), jar.path());
    }

    /** Whether the archive exists and is newer than its jar (the JVM ignores one from an older build of it). */
    public boolean usable() {
        try {
            return Files.isRegularFile(path)
                    && Files.getLastModifiedTime(path).compareTo(Files.getLastModifiedTime(jar)) >= 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the modification times of " + path + " and " + jar, e);
        }
    }

    public boolean exists() {
        return Files.isRegularFile(path);
    }

    /**
     * The JVM options that read it. The JVM prints "Unable to use shared archive" for an archive that
     * does not match the jar (rebuilt or touched since) as a warning, and JVM warnings go to stdout,
     * which in stdio mode carries the protocol: the first two options send them to stderr instead.
     */
    public List<String> useOptions() {
        return List.of("-Xlog:disable", "-Xlog:all=warning:stderr", "-XX:SharedArchiveFile=" + path);
    }

    /** The JVM option that writes the classes loaded until exit to {@code file}. */
    static List<String> createOptions(Path file) {
        return List.of("-XX:ArchiveClassesAtExit=" + file.toAbsolutePath());
    }
}
