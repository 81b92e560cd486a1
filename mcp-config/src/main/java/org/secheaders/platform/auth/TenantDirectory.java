package org.secheaders.platform.auth;

import java.util.Optional;

/**
 * Resolves tenant slugs, which calls may use instead of numeric ids (the {@code tenant} argument,
 * tenant variables of resource templates), before authorization. Supplied by the server module,
 * e.g. from the database.
 */
@FunctionalInterface
public interface TenantDirectory {

    /** The id of the tenant with this slug, if there is one. */
    Optional<Long> idOf(String slug);
}
