package org.secheaders.compliance.resource;

import org.secheaders.platform.auth.ResourceCategory;
import org.secheaders.platform.tool.McpResource;
import org.secheaders.platform.tool.ResourceJson;

/** What the platform-wide compliance listings share: a JSON body read with compliance access. */
interface ComplianceListing extends McpResource {

    @Override
    default String mimeType() {
        return ResourceJson.MIME_TYPE;
    }

    @Override
    default ResourceCategory category() {
        return ResourceCategory.COMPLIANCE;
    }
}
