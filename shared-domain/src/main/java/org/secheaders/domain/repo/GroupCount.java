package org.secheaders.domain.repo;

/** How many rows share one value of the grouped column. */
public record GroupCount(String key, long count) {
}
