package io.syncline.inventory.insights;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the hours whose order count leaves what the channel's history predicts for that hour.
 *
 * <p>The expected count of an hour is the mean of the same hour of the day over the seven days before it, times
 * the weekday's share where three weeks of history show one (the day's orders against the mean day's). An hour is
 * a {@code SPIKE} or a {@code DROP} when a Poisson count with that mean would reach the observed count, or fall to
 * it, with a probability below 10<sup>-{@value #THRESHOLD}</sup>, and when it is at least {@value #MIN_DIFFERENCE}
 * orders away; the score is that exponent, -log10 of the probability. Hours with fewer than three days of history
 * before them are not judged.
 */
final class OrderRateModel {

    static final double THRESHOLD = 5.0;
    static final int MIN_DIFFERENCE = 3;
    static final int MIN_HISTORY_HOURS = 3 * 24;
    private static final int WEEK_HOURS = 7 * 24;

    /** One judged hour that left its prediction. */
    record Anomaly(int hour, boolean spike, int observed, double expected, double score) {}

    private OrderRateModel() {}

    /**
     * The anomalies among hours {@code from..counts.length-1} of {@code counts} (one count per hour, oldest first;
     * hour 0 is the first of the channel's history and the first of a day).
     */
    static List<Anomaly> find(int[] counts, int from) {
        List<Anomaly> found = new ArrayList<>();
        for (int hour = Math.max(from, MIN_HISTORY_HOURS); hour < counts.length; hour++) {
            double expected = expected(counts, hour);
            int observed = counts[hour];
            if (Math.abs(observed - expected) < MIN_DIFFERENCE) {
                continue;
            }
            boolean spike = observed > expected;
            double p = spike ? Poisson.atLeast(observed, expected) : Poisson.atMost(observed, expected);
            double score = -Math.log10(Math.max(p, Double.MIN_NORMAL));
            if (score >= THRESHOLD) {
                found.add(new Anomaly(hour, spike, observed, expected, score));
            }
        }
        return found;
    }

    /** The count the history before {@code hour} predicts for it. */
    static double expected(int[] counts, int hour) {
        int days = Math.min(7, hour / 24);
        double sum = 0;
        for (int d = 1; d <= days; d++) {
            sum += counts[hour - 24 * d];
        }
        double hourOfDay = sum / days;
        return hourOfDay * weekdayShare(counts, hour);
    }

    /** The weekday's orders against the mean day's, over the whole weeks before the hour's day; 1 without three. */
    private static double weekdayShare(int[] counts, int hour) {
        int dayStart = hour - hour % 24;
        int weeks = Math.min(4, dayStart / WEEK_HOURS);
        if (weeks < 3) {
            return 1;
        }
        double sameDay = 0;
        double all = 0;
        for (int w = 1; w <= weeks; w++) {
            int weekStart = dayStart - w * WEEK_HOURS;
            for (int h = 0; h < 24; h++) {
                sameDay += counts[weekStart + h];
            }
            for (int h = 0; h < WEEK_HOURS; h++) {
                all += counts[weekStart + h];
            }
        }
        double meanDay = all / 7;
        return meanDay == 0 ? 1 : sameDay / meanDay;
    }
}
