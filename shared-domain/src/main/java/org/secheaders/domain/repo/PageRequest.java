package org.secheaders.domain.repo;

/** Offset pagination; {@code limit} is capped so one call never loads an unbounded result. */
public record PageRequest(int offset, int limit) {
    public static final int MAX_LIMIT = 1000;

    public PageRequest {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
        requireLimit(limit);
    }

    /** Also bounds the result size of the repository methods that take a bare limit. */
    static int requireLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ": " + limit);
        }
        return limit;
    }

    public static PageRequest first(int limit) {
        return new PageRequest(0, limit);
    }

    public PageRequest next() {
        return new PageRequest(offset + limit, limit);
    }
}
