package org.secheaders.platform.tool;

/** What a resource URI names does not exist (or is not visible to the caller): JSON-RPC "resource not found". */
public final class ResourceNotFoundException extends ToolException {

    private static final long serialVersionUID = 1L;

    public ResourceNotFoundException(String message) {
        super(message);
    }
}
