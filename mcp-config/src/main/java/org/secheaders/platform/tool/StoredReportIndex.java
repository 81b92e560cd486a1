package org.secheaders.platform.tool;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.repo.Page;
import org.secheaders.domain.repo.PageRequest;
import org.secheaders.domain.repo.TenantRepository;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.platform.auth.ResourceCategory;

/**
 * A stored-report index: the newest reports a scope can see, each with the URI to read it, under
 * the scope's name, as a JSON resource for platform-wide readers ({@link #resource}) and one per
 * tenant ({@link #tenantResource}). The analytics and compliance servers list their own kinds of
 * report this way; each gives how to list them, what one entry shows and what its resources are called.
 *
 * @param <I> a stored report as its repository lists it, without the content
 */
public final class StoredReportIndex<I> {

    /** Newest reports listed; older ones stay readable by URI. */
    public static final int LISTED = 100;
    /** How the index of the platform scope names it. */
    public static final String ALL_TENANTS = "all tenants";

    /** One listed report, given the tenant's slug ({@code "tenant 7"} should it have gone meanwhile; empty: platform-wide). */
    @FunctionalInterface
    public interface EntryMapper<I> {
        Object entry(I report, Optional<String> tenant);
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Listing(String scope, long total, List<Object> reports) {
    }

    private final TenantRepository tenants;
    private final BiFunction<TenantScope, PageRequest, Page<I>> lister;
    private final Function<I, Optional<Long>> tenantOf;
    private final EntryMapper<I> entries;

    /**
     * @param lister   a page of the reports a scope can see, newest first
     * @param tenantOf a report's tenant, empty for a platform-wide one
     */
    public StoredReportIndex(TenantRepository tenants, BiFunction<TenantScope, PageRequest, Page<I>> lister,
            Function<I, Optional<Long>> tenantOf, EntryMapper<I> entries) {
        this.tenants = tenants;
        this.lister = lister;
        this.tenantOf = tenantOf;
        this.entries = entries;
    }

    /** The JSON body: {@code scope} (the tenant's slug, or {@value #ALL_TENANTS}), {@code total} and {@code reports}. */
    public String read(TenantScope scope) {
        Map<Long, String> slugs = tenants.list(scope).stream().collect(Collectors.toMap(Tenant::id, Tenant::slug));
        Page<I> page = lister.apply(scope, PageRequest.first(LISTED));
        List<Object> listed = page.items().stream()
                .map(report -> entries.entry(report, tenantOf.apply(report).map(id -> slug(slugs, id))))
                .toList();
        String label = scope instanceof TenantScope.ForTenant one ? slug(slugs, one.tenantId()) : ALL_TENANTS;
        return ResourceJson.write(new Listing(label, page.total(), listed));
    }

    /** The index of every report the caller may see, at a fixed URI. */
    public McpResource resource(String uri, String name, String title, String description, ResourceCategory category) {
        return new Resource(uri, name, title, description, category, this);
    }

    /** The index of one tenant's reports, the tenant's slug in the URI template's {@code {tenant}} variable. */
    public McpResourceTemplate tenantResource(String uriTemplate, String name, String title, String description,
            ResourceCategory category) {
        return new TenantResource(uriTemplate, name, title, description, category, this);
    }

    private record Resource(String uri, String name, String title, String description, ResourceCategory category,
                            StoredReportIndex<?> index) implements McpResource {
        @Override
        public String mimeType() {
            return ResourceJson.MIME_TYPE;
        }

        @Override
        public String read(ToolContext context) {
            return index.read(context.scope());
        }
    }

    private record TenantResource(String uriTemplate, String name, String title, String description,
                                  ResourceCategory category, StoredReportIndex<?> index) implements McpResourceTemplate {
        @Override
        public String mimeType() {
            return ResourceJson.MIME_TYPE;
        }

        @Override
        public Optional<String> tenantVariable() {
            return Optional.of("tenant");
        }

        @Override
        public ResourceContent read(ToolContext context, Map<String, String> variables) {
            return new ResourceText(index.read(context.scope()), ResourceJson.MIME_TYPE);
        }
    }

    private static String slug(Map<Long, String> slugs, long tenantId) {
        return slugs.getOrDefault(tenantId, "tenant " + tenantId);
    }
}
