package org.secheaders.domain.anomaly;

import java.util.ArrayList;
import java.util.List;
import org.secheaders.domain.anomaly.BreachRun.Direction;

/** Classifies each judged bucket against its bounds and keeps the runs of at least N breaches. */
final class BreachScanner {
    private final RateSeries series;
    private final Baseline baseline;
    private final VolumeGate gate;
    private final int minimumRun;

    BreachScanner(RateSeries series, Baseline baseline, VolumeGate gate, int minimumRun) {
        this.series = series;
        this.baseline = baseline;
        this.gate = gate;
        this.minimumRun = minimumRun;
    }

    List<BreachRun> scan(EvaluationWindow window) {
        List<BreachRun> runs = new ArrayList<>();
        Direction current = Direction.WITHIN;
        int runFrom = window.from();
        List<Bounds> runBounds = new ArrayList<>();
        for (int i = window.from(); i < window.to(); i++) {
            Bounds bounds = baseline.boundsAt(i);
            Direction direction = classify(i, bounds);
            if (direction != current) {
                keepIfLongEnough(runs, current, runFrom, runBounds);
                current = direction;
                runFrom = i;
                runBounds = new ArrayList<>();
            }
            runBounds.add(bounds);
        }
        keepIfLongEnough(runs, current, runFrom, runBounds);
        return runs;
    }

    private Direction classify(int index, Bounds bounds) {
        long count = series.count(index);
        if (count > bounds.upper() && gate.passes(series, index)) {
            return Direction.ABOVE;
        }
        if (count < bounds.lower() && gate.dropMatters(bounds)) {
            return Direction.BELOW;
        }
        return Direction.WITHIN;
    }

    private void keepIfLongEnough(List<BreachRun> runs, Direction direction, int from, List<Bounds> bounds) {
        if (direction != Direction.WITHIN && bounds.size() >= minimumRun) {
            runs.add(new BreachRun(direction, from, bounds));
        }
    }
}
