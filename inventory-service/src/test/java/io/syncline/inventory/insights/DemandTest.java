package io.syncline.inventory.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.syncline.inventory.insights.DemandForecast.Day;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Days of cover walk the expected demand; a rate sold so far has a Poisson interval. */
class DemandTest {

    @Test
    void aConstantDemandCoversAvailableOverItsRate() {
        Demand demand = Demand.forecast(List.of(new Day(10, 6, 14), new Day(10, 6, 14), new Day(10, 6, 14)));

        assertThat(demand.cover(25)).isCloseTo(2.5, within(1e-9));
        assertThat(demand.cover(100))
                .as("beyond the forecast the last day goes on")
                .isCloseTo(10.0, within(1e-9));
        assertThat(demand.coverLow(28)).isCloseTo(2.0, within(1e-9));
        assertThat(demand.coverHigh(30)).isCloseTo(5.0, within(1e-9));
        Instant now = Instant.parse("2026-12-04T12:00:00Z");
        assertThat(demand.stockoutAt(now, 25)).isEqualTo(Instant.parse("2026-12-07T00:00:00Z"));
    }

    @Test
    void aRisingDemandRunsOutSoonerThanItsFirstDaySays() {
        Demand demand = Demand.forecast(List.of(new Day(10, 5, 15), new Day(20, 10, 30), new Day(40, 20, 60)));

        assertThat(demand.cover(40)).isCloseTo(2.25, within(1e-9));
    }

    @Test
    void nothingExpectedToSellHasNoCoverAndNothingAvailableHasNone() {
        Demand idle = Demand.forecast(List.of(new Day(0, 0, 1)));
        assertThat(idle.cover(5)).isNull();
        assertThat(idle.coverLow(5)).isEqualTo(5.0);
        assertThat(idle.stockoutAt(Instant.EPOCH, 5)).isNull();
        assertThat(idle.cover(0)).isZero();
    }

    @Test
    void aRateSoFarIsPerDayOverAtLeastAnHourWithAPoissonInterval() {
        Demand twoHours = Demand.rate(10, Duration.ofHours(2));
        assertThat(twoHours.days().get(0).units()).isCloseTo(120.0, within(1e-9));
        Demand minutes = Demand.rate(10, Duration.ofMinutes(5));
        assertThat(minutes.days().get(0).units()).as("an hour at least").isCloseTo(240.0, within(1e-9));

        // Poisson 80% interval for 10 events: about 6.2 to 15.4 (exact gamma quantiles 6.22 and 15.41)
        Day day = Demand.rate(10, Duration.ofDays(1)).days().get(0);
        assertThat(day.low()).isCloseTo(6.22, within(0.1));
        assertThat(day.high()).isCloseTo(15.41, within(0.1));
        assertThat(Demand.rate(0, Duration.ofDays(1)).days().get(0).low()).isZero();
    }
}
