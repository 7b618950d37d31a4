package io.syncline.inventory.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncline.inventory.insights.DemandForecast.Day;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The forecast measured on generated histories whose truth is known: the last week is held out and compared with
 * the forecast made from the weeks before it, over many series.
 */
class DemandForecastTest {

    private static final int SERIES = 40;
    private static final int WEEKS = 8;

    @Test
    void aWeeklyPatternIsForecastWithinFifteenPercentAndTheIntervalCoversAboutEightyPercent() {
        Score score = heldOut(day -> Histories.weekly(day, 100));

        assertThat(score.mape()).isLessThan(0.15);
        assertThat(score.coverage()).isBetween(0.72, 0.90);
    }

    @Test
    void theWeeklyPatternItselfIsLearnt() {
        double[] history = new Histories(7).draw(7 * WEEKS, day -> Histories.weekly(day, 100));
        List<Day> next = DemandForecast.forecast(history, 7);

        // the history ends on a Sunday-like day 6: the next busy day (index 5 of the week) is five days on
        double busiest = next.stream().mapToDouble(Day::units).max().orElseThrow();
        assertThat(next.get(5).units()).isEqualTo(busiest);
        assertThat(next.get(5).units() / next.get(0).units()).isGreaterThan(1.4);
    }

    @Test
    void aConstantRateAndATrendAreFollowed() {
        assertThat(heldOut(day -> 100).mape()).isLessThan(0.15);
        assertThat(heldOut(day -> 20 + day * 1.5).mape()).isLessThan(0.15);
    }

    @Test
    void aStepChangeIsTakenUpWithinAWeek() {
        double[] history = new Histories(3).draw(50, day -> day < 40 ? 30 : 60);
        double mean = DemandForecast.forecast(history, 7).stream()
                .mapToDouble(Day::units)
                .average()
                .orElseThrow();

        assertThat(mean).isBetween(50.0, 70.0);
    }

    @Test
    void sparseSalesGiveASmallForecastWhoseIntervalHoldsWhatSells() {
        Histories histories = new Histories(11);
        int covered = 0;
        int days = 0;
        for (int s = 0; s < SERIES; s++) {
            double[] all = histories.draw(7 * WEEKS, day -> 0.3);
            List<Day> next = DemandForecast.forecast(Arrays.copyOf(all, all.length - 7), 7);
            for (int d = 0; d < 7; d++) {
                Day day = next.get(d);
                assertThat(day.units()).isBetween(0.0, 1.5);
                assertThat(day.low()).isGreaterThanOrEqualTo(0.0);
                covered += all[all.length - 7 + d] <= day.high() ? 1 : 0;
                days++;
            }
        }
        // a day of a sparse SKU sells nothing or one unit: the interval's upper bound must hold that
        assertThat((double) covered / days).isGreaterThan(0.75);
    }

    @Test
    void tooShortAHistoryHasNoForecastAndAShortOneNoSeason() {
        assertThat(DemandForecast.forecast(new double[] {3, 4}, 7)).isEmpty();
        assertThat(DemandForecast.modelFor(2)).isEqualTo(DemandForecast.Model.NONE);
        assertThat(DemandForecast.modelFor(5)).isEqualTo(DemandForecast.Model.HOLT);
        assertThat(DemandForecast.modelFor(14)).isEqualTo(DemandForecast.Model.HOLT_WINTERS);

        List<Day> next = DemandForecast.forecast(new double[] {10, 12, 9, 11, 10}, 7);
        assertThat(next).hasSize(7);
        assertThat(next.get(0).units()).isBetween(8.0, 13.0);
        assertThat(next.get(0).low()).isLessThan(next.get(0).units());
        assertThat(next.get(0).high()).isGreaterThan(next.get(0).units());
    }

    /** Mean absolute percentage error and interval coverage on the held-out last week of many series. */
    private static Score heldOut(IntToDoubleFunction mean) {
        Histories histories = new Histories(42);
        double errors = 0;
        int covered = 0;
        int days = 0;
        for (int s = 0; s < SERIES; s++) {
            double[] all = histories.draw(7 * WEEKS, mean);
            List<Day> next = DemandForecast.forecast(Arrays.copyOf(all, all.length - 7), 7);
            for (int d = 0; d < 7; d++) {
                double actual = all[all.length - 7 + d];
                Day day = next.get(d);
                errors += Math.abs(day.units() - actual) / actual;
                covered += actual >= day.low() && actual <= day.high() ? 1 : 0;
                days++;
            }
        }
        return new Score(errors / days, (double) covered / days);
    }

    private record Score(double mape, double coverage) {}
}
