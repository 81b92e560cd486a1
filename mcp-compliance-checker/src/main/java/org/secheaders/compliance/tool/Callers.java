package org.secheaders.compliance.tool;

import java.util.Optional;
import org.secheaders.domain.model.Actor;
import org.secheaders.platform.tool.ToolContext;

/** The audit log's view of the caller of a tool. */
final class Callers {

    private Callers() {
    }

    static Actor actor(ToolContext context) {
        return new Actor(context.identity().subject(), context.identity().role(), Optional.of(context.correlationId()));
    }
}
