package org.secheaders.platform.testkit;

import java.util.List;
import org.secheaders.platform.observability.ReadinessCheck;
import org.secheaders.platform.server.ServerDefinition;

/** The sample server the transport tests run: three tools, one resource, two resource templates and two tenant slugs. */
public final class SampleServer {

    public static final String NAME = "sample-server";

    private SampleServer() {
    }

    public static ServerDefinition definition(List<ReadinessCheck> readinessChecks) {
        ServerDefinition.Builder builder = builder();
        readinessChecks.forEach(builder::readinessCheck);
        return builder.build();
    }

    /** The sample tools, resources and tenant slugs, for tests that add their own wiring (e.g. a database). */
    public static ServerDefinition.Builder builder() {
        return ServerDefinition.builder(NAME, "1.0.0")
                .instructions("Sample tools for platform tests.")
                .tool(new SumTool())
                .tool(new SetThresholdTool())
                .tool(new FailingTool())
                .resource(new AboutResource())
                .resourceTemplate(new TenantNoteTemplate())
                .resourceTemplate(new ItemTemplate())
                .tenantDirectory(SampleTenants::idOf);
    }

    public static ServerDefinition definition() {
        return definition(List.of());
    }
}
