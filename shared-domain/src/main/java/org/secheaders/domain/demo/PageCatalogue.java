package org.secheaders.domain.demo;

import java.util.ArrayList;
import java.util.List;

/** A site's pages with their relative popularity; families of pages share a weight evenly. */
final class PageCatalogue {
    private record Page(String path, double weight) {
    }

    private final List<Page> pages = new ArrayList<>();

    PageCatalogue page(String path, double weight) {
        pages.add(new Page(path, weight));
        return this;
    }

    /** {@code prefix + suffix} for every suffix, together weighing {@code weight}. */
    PageCatalogue family(String prefix, List<String> suffixes, double weight) {
        suffixes.forEach(suffix -> pages.add(new Page(prefix + suffix, weight / suffixes.size())));
        return this;
    }

    WeightedChoice<String> build() {
        return WeightedChoice.of(pages, Page::weight).map(Page::path);
    }
}
