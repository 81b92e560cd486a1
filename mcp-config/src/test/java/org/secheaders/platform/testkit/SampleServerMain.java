package org.secheaders.platform.testkit;

import org.secheaders.platform.server.McpServerLauncher;

/** What a server module's main looks like; the stdio tests run it in a child JVM. */
public final class SampleServerMain {

    private SampleServerMain() {
    }

    public static void main(String[] args) {
        McpServerLauncher.launch(SampleServer.NAME, args, config -> SampleServer.definition());
    }
}
