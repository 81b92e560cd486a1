package org.secheaders.domain.compliance.check;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.secheaders.domain.compliance.OshpReference;

/**
 * Headers that tell an attacker what software runs the site. A short list of our own always
 * applies; when the OSHP reference is loaded its remove list (about ninety names) is added.
 */
public final class LeakingHeaders {
    /** The banners scanners key on most, from CS-HDR ("remove all X-Powered-By headers") and ZAP's rules. */
    static final Set<String> BUILT_IN = Set.of("server", "x-powered-by", "x-aspnet-version", "x-aspnetmvc-version",
            "x-generator", "x-php-version", "x-runtime");

    private LeakingHeaders() {
    }

    /** Lower-case names, sorted. */
    public static Set<String> names(Optional<OshpReference> oshp) {
        TreeSet<String> names = new TreeSet<>(BUILT_IN);
        oshp.ifPresent(reference -> names.addAll(reference.toRemove()));
        return names;
    }
}
