package org.secheaders.domain.policy;

import java.util.Locale;
import java.util.Set;

/**
 * What the platform grants a tenant beyond the default locks (the {@code override_permissions}
 * JSON column, set by platform admins, never by the tenant itself). Names are matched
 * case-insensitively and kept lower-case and sorted, so the JSON form is stable.
 *
 * @param directives CSP directives the tenant may override (replace) rather than only extend
 * @param headers    header names whose value the tenant may override
 * @param weakenings explicit grants to weaken a locked directive or header, as {@code name:token}
 *                   (e.g. {@code script-src:'unsafe-eval'}, {@code strict-transport-security:max-age},
 *                   {@code x-frame-options:sameorigin}; see {@link Weakening#grantKey()});
 *                   without one, a weakening is refused
 */
public record OverridePermissions(Set<String> directives, Set<String> headers, Set<String> weakenings) {
    public OverridePermissions {
        directives = Copies.lowerCaseSet(directives, "directives");
        headers = Copies.lowerCaseSet(headers, "headers");
        weakenings = Copies.lowerCaseSet(weakenings, "weakenings");
    }

    public static OverridePermissions none() {
        return new OverridePermissions(null, null, null);
    }

    public static OverridePermissions fromJson(String json) {
        return PolicyJson.read(json, OverridePermissions.class);
    }

    public String toJson() {
        return PolicyJson.write(this);
    }

    public boolean permitsDirective(String directive) {
        return directives.contains(directive.toLowerCase(Locale.ROOT));
    }

    public boolean permitsHeader(HeaderKind header) {
        return headers.contains(header.grantName());
    }

    public boolean grants(Weakening weakening) {
        return weakenings.contains(weakening.grantKey().toLowerCase(Locale.ROOT));
    }
}
