package org.secheaders.platform.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.secheaders.platform.auth.Operation;

class ToolHintsTest {

    @Test
    void readOnlyToolsAreReadsAndWritingToolsWrites() {
        assertEquals(new ToolHints(true, false, true, false), ToolHints.readOnlyTool());
        assertEquals(Operation.READ, ToolHints.readOnlyTool().operation());
        assertEquals(Operation.WRITE, ToolHints.writingTool(true, false).operation());
    }

    @Test
    void reachingOutsideOnlyOpensTheWorld() {
        assertEquals(new ToolHints(false, true, false, true), ToolHints.writingTool(true, false).reachingOutside());
    }

    @Test
    void aReadOnlyToolCannotBeDestructive() {
        assertThrows(IllegalArgumentException.class, () -> new ToolHints(true, true, true, false));
    }
}
