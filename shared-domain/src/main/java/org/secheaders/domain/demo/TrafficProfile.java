package org.secheaders.domain.demo;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * The rhythm of a site's traffic in its visitors' local time: a multiplier per hour of the day
 * (interpolated between hours, so minute rates change smoothly) and per day of the week.
 *
 * @param hourly 24 multipliers, 00:00 first
 * @param weekly 7 multipliers, Monday first
 */
record TrafficProfile(List<Double> hourly, List<Double> weekly) {
    TrafficProfile {
        hourly = List.copyOf(hourly);
        weekly = List.copyOf(weekly);
        if (hourly.size() != 24 || weekly.size() != 7) {
            throw new IllegalArgumentException("need 24 hourly and 7 weekly multipliers");
        }
    }

    /** Evening peak, busier at weekends. */
    static final TrafficProfile SHOP = new TrafficProfile(
            List.of(0.35, 0.22, 0.15, 0.12, 0.12, 0.18, 0.32, 0.52, 0.70, 0.82, 0.90, 0.95,
                    1.00, 0.98, 0.92, 0.90, 0.92, 0.98, 1.08, 1.25, 1.38, 1.30, 1.00, 0.62),
            List.of(0.95, 0.92, 0.93, 0.97, 1.05, 1.18, 1.12));
    /** Morning news peak, a lunch bump and an evening shoulder; quieter at weekends. */
    static final TrafficProfile NEWS = new TrafficProfile(
            List.of(0.30, 0.20, 0.14, 0.12, 0.14, 0.30, 0.70, 1.25, 1.35, 1.15, 1.00, 0.98,
                    1.10, 1.02, 0.92, 0.90, 0.95, 1.02, 1.10, 1.18, 1.15, 0.98, 0.72, 0.48),
            List.of(1.05, 1.03, 1.02, 1.02, 0.98, 0.88, 0.92));
    /** Office hours on working days, nearly idle at night and at weekends. */
    static final TrafficProfile BUSINESS = new TrafficProfile(
            List.of(0.05, 0.04, 0.03, 0.03, 0.04, 0.08, 0.25, 0.70, 1.30, 1.50, 1.45, 1.35,
                    1.05, 1.30, 1.40, 1.30, 1.10, 0.75, 0.40, 0.25, 0.18, 0.14, 0.10, 0.07),
            List.of(1.15, 1.12, 1.10, 1.08, 0.95, 0.30, 0.22));

    double multiplier(ZonedDateTime local) {
        int hour = local.getHour();
        double fraction = local.getMinute() / 60.0;
        double daily = hourly.get(hour) * (1 - fraction) + hourly.get((hour + 1) % 24) * fraction;
        return daily * weekly.get(local.getDayOfWeek().getValue() - 1);
    }
}
