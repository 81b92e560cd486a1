package org.secheaders.domain.demo;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** An immutable list of items drawn with probability proportional to their weight. */
final class WeightedChoice<T> {
    private final List<T> items;
    private final WeightedIndex index;

    private WeightedChoice(List<T> items, WeightedIndex index) {
        this.items = items;
        this.index = index;
    }

    static <T> WeightedChoice<T> of(List<T> items, ToDoubleFunction<T> weight) {
        List<T> copy = List.copyOf(items);
        return new WeightedChoice<>(copy, new WeightedIndex(copy.stream().mapToDouble(weight).toArray()));
    }

    /** {@code items.get(i)} weighs {@code weights[i]}. */
    static <T> WeightedChoice<T> withWeights(List<T> items, double... weights) {
        if (items.size() != weights.length) {
            throw new IllegalArgumentException(items.size() + " items but " + weights.length + " weights");
        }
        return new WeightedChoice<>(List.copyOf(items), new WeightedIndex(weights));
    }

    T pick(SplittableRandom random) {
        return items.get(index.pick(random));
    }

    /**
     * {@code count} different items (at most all of them), drawn by weight without replacement. Meant
     * for small counts: it redraws on a repeat.
     */
    List<T> pickDistinct(int count, SplittableRandom random) {
        int wanted = Math.min(count, items.size());
        Set<Integer> chosen = new LinkedHashSet<>();
        while (chosen.size() < wanted) {
            chosen.add(index.pick(random));
        }
        return chosen.stream().map(items::get).toList();
    }

    /** The same choice over transformed items. */
    <R> WeightedChoice<R> map(Function<T, R> mapper) {
        return new WeightedChoice<>(items.stream().map(mapper).toList(), index);
    }
}
