package org.secheaders.domain.repo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A part of a query's time range and the rollup level whose whole buckets cover it; without a level,
 * a part no level covers, read from the raw rows (docs/ROLLUPS.md, "Reads").
 */
record RangePiece(Optional<ViolationRollup.Level> level, Optional<Instant> from, Optional<Instant> to) {

    /**
     * {@code [from, to)} (open where absent) cut into the whole buckets of the first of {@code levels}
     * (coarsest first) and, on either side, the pieces of the rest cut likewise; what no level covers
     * is a raw piece. Empty for an empty range.
     */
    static List<RangePiece> cut(Optional<Instant> from, Optional<Instant> to, List<ViolationRollup.Level> levels) {
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            return List.of();
        }
        if (levels.isEmpty()) {
            return List.of(new RangePiece(Optional.empty(), from, to));
        }
        ViolationRollup.Level level = levels.get(0);
        List<ViolationRollup.Level> finer = levels.subList(1, levels.size());
        Optional<Instant> low = from.map(level::ceil);
        Optional<Instant> high = to.map(level::floor);
        if (low.isPresent() && high.isPresent() && !low.get().isBefore(high.get())) {
            return cut(from, to, finer);
        }
        List<RangePiece> pieces = new ArrayList<>(from.isPresent() ? cut(from, low, finer) : List.of());
        pieces.add(new RangePiece(Optional.of(level), low, high));
        if (to.isPresent()) {
            pieces.addAll(cut(high, to, finer));
        }
        return pieces;
    }
}
