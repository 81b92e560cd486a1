package org.secheaders.platform.tool;

import java.util.Map;
import java.util.Optional;
import org.secheaders.platform.auth.ResourceCategory;

/**
 * A family of read-only MCP resources addressed by a URI template ({@code resources/templates/list}),
 * e.g. {@code secheaders://reports/{id}}. Each variable matches one path segment.
 *
 * <p>A read is authorized like a read-only tool call of {@link #category()}. The tenant it names is
 * the slug in {@link #tenantVariable()} when the template has one; otherwise the read is addressed
 * by id, and a caller bound to a tenant reads with that tenant's scope (so another tenant's item is
 * simply not found), everyone else platform-wide.
 */
public interface McpResourceTemplate {

    /** RFC 6570 level-1 template, e.g. {@code secheaders://tenants/{tenant}/effective-policy}. */
    String uriTemplate();

    String name();

    String title();

    String description();

    /** The mime type listed for the template; a read may return a more specific one. */
    String mimeType();

    ResourceCategory category();

    /** The variable holding the slug of the tenant a URI is about, if any. */
    Optional<String> tenantVariable();

    /**
     * Reads one resource for an already authorized caller: text, or bytes for binary documents.
     *
     * @param variables the template variables of the requested URI
     * @throws ResourceNotFoundException when the URI names nothing the caller can see
     */
    ResourceContent read(ToolContext context, Map<String, String> variables);
}
