package org.secheaders.domain.policy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.secheaders.domain.csp.CspFallback;

/**
 * What the platform locks: a tenant may tighten these but never weaken them without an explicit
 * grant ({@link OverridePermissions#weakenings()}).
 *
 * <p>A locked directive also governs every directive that falls back to it (CSP3 fallback lists):
 * locking {@code script-src} locks {@code script-src-elem}, {@code script-src-attr} and
 * {@code worker-src}, so a tenant cannot route around the lock by adding a more specific directive.
 *
 * @param directives locked CSP directive names (lower case)
 * @param headers    locked headers
 */
public record PolicyLocks(Set<String> directives, Set<HeaderKind> headers) {

    public PolicyLocks {
        TreeSet<String> names = new TreeSet<>();
        directives.forEach(d -> names.add(d.toLowerCase(Locale.ROOT)));
        directives = Collections.unmodifiableSet(names);
        headers = headers.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(headers));
    }

    /** Whether {@code directive}, or a directive it falls back to, is locked. */
    public boolean governs(String directive) {
        return CspFallback.chain(directive).stream().anyMatch(directives::contains);
    }

    public boolean locks(HeaderKind header) {
        return headers.contains(header);
    }
}
