package org.secheaders.domain.grading;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A policy list as the Observatory's parser leaves it: each directive's merged sources (live,
 * mutable sets, because the CSP rules delete from them in place as the Observatory does) and the
 * directives that were repeated where a repeat is tolerated.
 */
record ParsedCsp(Map<String, Set<String>> directives, Set<String> duplicateWarnings) {

    static ParsedCsp empty() {
        return new ParsedCsp(new LinkedHashMap<>(), Set.of());
    }

    /**
     * The size of the Observatory's map, which stores the duplicate warnings as one more entry:
     * a meta policy holding nothing but two {@code report-uri} directives still counts as present.
     */
    int size() {
        return directives.size() + (duplicateWarnings.isEmpty() ? 0 : 1);
    }
}
