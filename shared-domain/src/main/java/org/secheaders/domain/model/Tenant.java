package org.secheaders.domain.model;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A customer of the platform. The slug is the stable, url-safe handle used in URLs, CLI
 * arguments and report endpoints; the id is the foreign key of every tenant-owned row.
 *
 * @param settings free-form tenant settings (JSON object)
 */
public record Tenant(
        long id,
        String slug,
        String name,
        String primaryDomain,
        TenantStatus status,
        Map<String, Object> settings,
        Instant createdAt,
        Instant updatedAt) {

    /** Lower-case DNS-label shape: letters, digits and inner hyphens, at most 63 characters. */
    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern HOST = Pattern.compile(
            "(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*");

    public Tenant {
        settings = Values.jsonMap(settings);
    }

    /** What a platform admin supplies to create a tenant; it starts {@link TenantStatus#ACTIVE}. */
    public record Draft(String slug, String name, String primaryDomain, Map<String, Object> settings) {
        public Draft {
            slug = requireSlug(slug);
            name = Values.requireText(name, "name").trim();
            primaryDomain = requireHost(primaryDomain);
            settings = Values.jsonMap(settings);
        }
    }

    /** Returns the slug if it is url-safe, otherwise throws naming the rule. */
    public static String requireSlug(String slug) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("slug '" + slug
                    + "' must be 1-63 lower-case letters, digits or inner hyphens");
        }
        return slug;
    }

    private static String requireHost(String domain) {
        String host = Values.requireText(domain, "primary_domain").trim().toLowerCase(Locale.ROOT);
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("primary_domain '" + domain + "' is not a host name");
        }
        return host;
    }
}
