package org.secheaders.domain.demo;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One kind of violation a page can cause: what the browser blocks under which directive, where the
 * offending code sits, and on which pages and browsers it happens. Built with {@link #of} and the
 * {@code with…}/{@code on…} methods.
 *
 * @param blocked      the blocked resource before the browser strips it for the report: a URL, in which
 *                     {@value #RANDOM_TOKEN} stands for a fresh token per report (cache busters,
 *                     exfiltrated data), {@value #THIS_PAGE}, or a keyword such as {@value #INLINE}
 * @param samples      candidate code samples; the report carries the first 40 characters of one
 * @param weight       relative frequency among the sources of the same site or extension
 * @param pathPrefixes the pages it happens on; empty for every page
 * @param families     the browser engines it happens in
 */
record ViolationSource(
        String directive,
        String blocked,
        List<String> samples,
        Optional<SourceLocation> location,
        double weight,
        List<String> pathPrefixes,
        Set<BrowserFamily> families) {

    static final String INLINE = "inline";
    static final String EVAL = "eval";
    static final String TRUSTED_TYPES_SINK = "trusted-types-sink";
    static final String RANDOM_TOKEN = "{token}";
    /** The page itself, e.g. the framed page of a frame-ancestors violation. */
    static final String THIS_PAGE = "{page}";

    ViolationSource {
        samples = List.copyOf(samples);
        pathPrefixes = List.copyOf(pathPrefixes);
        families = Set.copyOf(families);
        if (!(weight > 0)) {
            throw new IllegalArgumentException("weight of " + directive + " " + blocked + " must be positive");
        }
    }

    static ViolationSource of(String directive, String blocked, double weight) {
        return new ViolationSource(directive, blocked, List.of(), Optional.empty(), weight, List.of(),
                EnumSet.allOf(BrowserFamily.class));
    }

    ViolationSource withSamples(String... values) {
        return new ViolationSource(directive, blocked, List.of(values), location, weight, pathPrefixes, families);
    }

    /** Code in a script file. */
    ViolationSource inFile(String url, int line, int column) {
        return located(new SourceLocation.InFile(url, line, column));
    }

    /** Inline code in the page. */
    ViolationSource inPage(int line, int column) {
        return located(new SourceLocation.InPage(line, column));
    }

    ViolationSource onPaths(String... prefixes) {
        return new ViolationSource(directive, blocked, samples, location, weight, List.of(prefixes), families);
    }

    ViolationSource inBrowsers(BrowserFamily first, BrowserFamily... more) {
        return new ViolationSource(directive, blocked, samples, location, weight, pathPrefixes, EnumSet.of(first, more));
    }

    boolean happensOn(String path, BrowserFamily family) {
        return families.contains(family)
                && (pathPrefixes.isEmpty() || pathPrefixes.stream().anyMatch(path::startsWith));
    }

    private ViolationSource located(SourceLocation where) {
        return new ViolationSource(directive, blocked, samples, Optional.of(where), weight, pathPrefixes, families);
    }
}
