package org.secheaders.domain.policy;

import java.util.Set;

/**
 * What the platform grants a tenant beyond the default locks (the {@code override_permissions}
 * JSON column, set by platform admins, never by the tenant itself).
 *
 * @param directives CSP directives the tenant may override (replace) rather than only extend
 * @param headers    header names whose value the tenant may override
 * @param weakenings explicit grants to weaken a locked directive, as {@code directive:token}
 *                   (e.g. {@code script-src:'unsafe-eval'}); without one, a weakening is refused
 */
public record OverridePermissions(Set<String> directives, Set<String> headers, Set<String> weakenings) {
    public OverridePermissions {
        directives = directives == null ? Set.of() : Set.copyOf(directives);
        headers = headers == null ? Set.of() : Set.copyOf(headers);
        weakenings = weakenings == null ? Set.of() : Set.copyOf(weakenings);
    }

    public static OverridePermissions none() {
        return new OverridePermissions(null, null, null);
    }
}
