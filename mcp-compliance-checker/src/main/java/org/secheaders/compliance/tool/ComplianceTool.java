package org.secheaders.compliance.tool;

import org.secheaders.platform.auth.ResourceCategory;
import org.secheaders.platform.tool.McpTool;

/** A tool authorized as compliance work, like every tool of this server. */
interface ComplianceTool extends McpTool {

    @Override
    default ResourceCategory category() {
        return ResourceCategory.COMPLIANCE;
    }
}
