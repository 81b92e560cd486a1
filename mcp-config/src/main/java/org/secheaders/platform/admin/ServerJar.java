package org.secheaders.platform.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** The jar an MCP client starts: the all-in-one {@code secheaders.jar} or one server module's own jar. */
public sealed interface ServerJar {

    /** The main class of the all-in-one jar. */
    String CLI_MAIN_CLASS = "org.secheaders.platform.cli.SecheadersCli";

    /** Absolute and normalized. */
    Path path();

    /** The arguments after {@code java} that start {@code serverId} over stdio. */
    List<String> stdioArgs(String serverId);

    /** {@code secheaders.jar}: {@code java -jar secheaders.jar serve <server>}. */
    record AllInOne(Path path) implements ServerJar {
        @Override
        public List<String> stdioArgs(String serverId) {
            return List.of("-jar", path.toString(), "serve", serverId);
        }
    }

    /** A server module's own jar, which serves its one server: {@code java -jar mcp-x.jar}. */
    record SingleServer(Path path) implements ServerJar {
        @Override
        public List<String> stdioArgs(String serverId) {
            return List.of("-jar", path.toString());
        }
    }

    /**
     * Tells the two apart by the manifest's {@code Main-Class}.
     *
     * @throws IOException when the file is missing or not a jar
     */
    static ServerJar inspect(Path jar) throws IOException {
        Path path = jar.toAbsolutePath().normalize();
        if (!Files.isRegularFile(path)) {
            throw new IOException(path + " does not exist or is not a file");
        }
        try (JarFile file = new JarFile(path.toFile())) {
            Optional<String> main = Optional.ofNullable(file.getManifest())
                    .map(Manifest::getMainAttributes)
                    .map(attributes -> attributes.getValue("Main-Class"));
            if (main.isEmpty()) {
                throw new IOException(path + " has no Main-Class in its manifest, so java -jar cannot run it");
            }
            return main.get().equals(CLI_MAIN_CLASS) ? new AllInOne(path) : new SingleServer(path);
        }
    }
}
