package org.secheaders.domain.repo;

import java.util.List;

/** One page of a query result and the number of rows matching the whole query. */
public record Page<T>(List<T> items, long total, PageRequest request) {
    public Page {
        items = List.copyOf(items);
    }

    public boolean hasMore() {
        return request.offset() + items.size() < total;
    }
}
