package io.syncline.inventory.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncline.inventory.insights.OrderRateModel.Anomaly;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Order rates generated with a daily and a weekly pattern: anomalies are found where injected and rarely elsewhere. */
class OrderRateModelTest {

    private static final int DAYS = 30;

    /** Orders per hour: quiet at night, busy in the afternoon, more at the weekend. */
    static double mean(int hour) {
        int ofDay = hour % 24;
        double daily = ofDay < 7 ? 2 : ofDay < 12 ? 10 : ofDay < 20 ? 20 : 6;
        return daily * Histories.weekly(hour / 24, 1);
    }

    @Test
    void injectedSpikesAndDropsAreFoundAndNothingElse() {
        int[] counts = counts(new Histories(5), mean -> mean);
        int busySpike = 20 * 24 + 15;
        int busyDrop = 24 * 24 + 16;
        int nightSpike = 27 * 24 + 3;
        counts[busySpike] = 60;
        counts[busyDrop] = 0;
        counts[nightSpike] = 15;

        List<Anomaly> found = OrderRateModel.find(counts, 0);

        assertThat(found).extracting(Anomaly::hour).containsExactly(busySpike, busyDrop, nightSpike);
        assertThat(found).extracting(Anomaly::spike).containsExactly(true, false, true);
        Anomaly spike = found.get(0);
        assertThat(spike.observed()).isEqualTo(60);
        assertThat(spike.expected()).isBetween(15.0, 35.0);
        assertThat(spike.score()).isGreaterThan(OrderRateModel.THRESHOLD);
    }

    @Test
    void thirtyDaysWithoutAnomaliesRaiseFewFalseAlarms() {
        Histories histories = new Histories(17);
        int alarms = 0;
        int judged = 0;
        int channels = 20;
        for (int c = 0; c < channels; c++) {
            int[] counts = counts(histories, mean -> mean);
            alarms += OrderRateModel.find(counts, 0).size();
            judged += counts.length - OrderRateModel.MIN_HISTORY_HOURS;
        }
        // 20 channels × 27 judged days: 6 alarms in 12,960 hours with this seed (the README gives the figure)
        System.out.println("FIG alarms=" + alarms + " judged=" + judged);
        System.out.println("FIG alarms=" + alarms + " judged=" + judged);
        assertThat((double) alarms / judged).isLessThan(0.001);
    }

    @Test
    void theFirstThreeDaysAreNotJudged() {
        int[] counts = counts(new Histories(1), mean -> mean);
        counts[50] = 500;

        assertThat(OrderRateModel.find(counts, 0)).extracting(Anomaly::hour).doesNotContain(50);
    }

    @Test
    void poissonTailsAreRight() {
        assertThat(Poisson.atMost(0, 2)).isCloseTo(Math.exp(-2), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(Poisson.atLeast(1, 2)).isCloseTo(1 - Math.exp(-2), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(Poisson.atLeast(0, 2)).isEqualTo(1);
        // P(X >= 60 | 20) is about 1.9e-12
        assertThat(Poisson.atLeast(60, 20)).isBetween(1e-13, 1e-11);
    }

    private static int[] counts(Histories histories, java.util.function.DoubleUnaryOperator shape) {
        int[] counts = new int[DAYS * 24];
        for (int h = 0; h < counts.length; h++) {
            counts[h] = histories.poisson(shape.applyAsDouble(mean(h)));
        }
        return counts;
    }
}
