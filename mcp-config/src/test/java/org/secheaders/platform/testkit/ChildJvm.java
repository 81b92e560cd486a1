package org.secheaders.platform.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line that runs a server main ({@link SampleServerMain} unless told) in a fresh JVM on the test classpath. */
public final class ChildJvm {

    private ChildJvm() {
    }

    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** JVM options, main class and server arguments (everything after the java executable). */
    public static List<String> arguments(String... serverArgs) {
        return arguments(SampleServerMain.class, serverArgs);
    }

    /** As {@link #arguments(String...)} for another main class, e.g. a server module's. */
    public static List<String> arguments(Class<?> mainClass, String... serverArgs) {
        // Surefire puts the real classpath here; java.class.path may be its manifest-only booter jar.
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> args = new ArrayList<>(List.of(
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classpath, mainClass.getName()));
        args.addAll(List.of(serverArgs));
        return args;
    }

    public static List<String> command(String... serverArgs) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(arguments(serverArgs));
        return command;
    }
}
