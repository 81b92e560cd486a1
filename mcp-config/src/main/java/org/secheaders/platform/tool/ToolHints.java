package org.secheaders.platform.tool;

import org.secheaders.platform.auth.Operation;

/**
 * The MCP tool annotations, stated truthfully: clients use them to decide whether to ask the
 * user before a call, and the platform uses {@link #readOnly()} to decide whether the caller
 * needs read or write access.
 *
 * @param readOnly the tool changes nothing
 * @param destructive a write may delete or overwrite data (meaningless for read-only tools)
 * @param idempotent repeating the same call has no further effect
 * @param openWorld the tool reaches outside the platform (e.g. fetches a public URL)
 */
public record ToolHints(boolean readOnly, boolean destructive, boolean idempotent, boolean openWorld) {

    public ToolHints {
        if (readOnly && destructive) {
            throw new IllegalArgumentException("a read-only tool cannot be destructive");
        }
    }

    /** Reads platform data only: not destructive, idempotent, closed world. */
    public static ToolHints readOnlyTool() {
        return new ToolHints(true, false, true, false);
    }

    /** Changes platform data. */
    public static ToolHints writingTool(boolean destructive, boolean idempotent) {
        return new ToolHints(false, destructive, idempotent, false);
    }

    /** The same hints for a tool that also reaches outside the platform. */
    public ToolHints reachingOutside() {
        return new ToolHints(readOnly, destructive, idempotent, true);
    }

    public Operation operation() {
        return readOnly ? Operation.READ : Operation.WRITE;
    }
}
