package org.secheaders.platform.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.secheaders.platform.testkit.SampleServer;
import org.secheaders.platform.testkit.SampleServerModule;
import org.secheaders.platform.testkit.StaticSampleServerModule;

class ServerModulesTest {

    @Test
    void discoversTheModulesRegisteredInMetaInfServicesSortedById() {
        ServerModules modules = ServerModules.discover();
        assertEquals(List.of("sample", "sample-static"), modules.ids());
        assertTrue(modules.all().get(0) instanceof SampleServerModule);
    }

    @Test
    void selectsByIdInTheOrderNamedAndNamesTheKnownOnesOtherwise() {
        ServerModules modules = ServerModules.of(List.of(new SampleServerModule(), new StaticSampleServerModule()));
        assertEquals(List.of("sample-static", "sample"), modules.select(List.of("sample-static", "sample", "sample-static"))
                .stream().map(McpServerModule::id).toList());
        assertEquals("no server module 'nope'; known: sample, sample-static",
                assertThrows(IllegalArgumentException.class, () -> modules.select(List.of("nope"))).getMessage());
        assertEquals("no server module 'nope' (none are installed)", assertThrows(IllegalArgumentException.class,
                () -> ServerModules.of(List.of()).select(List.of("nope"))).getMessage());
    }

    @Test
    void refusesIdsThatCannotBeTypedOrTellModulesApart() {
        assertTrue(assertThrows(IllegalStateException.class, () -> ServerModules.of(List.of(module("Security Analytics"))))
                .getMessage().contains("has id 'Security Analytics'; ids are lower-case words joined by hyphens"));
        assertEquals("two server modules have the id 'sample'", assertThrows(IllegalStateException.class,
                () -> ServerModules.of(List.of(new SampleServerModule(), module("sample")))).getMessage());
    }

    private static McpServerModule module(String id) {
        return new McpServerModule() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String description() {
                return "test";
            }

            @Override
            public ServerFactory factory() {
                return config -> SampleServer.definition();
            }
        };
    }
}
