package io.syncline.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncline.benchmarks.OrderMix.Line;
import io.syncline.benchmarks.OrderMix.Order;
import io.syncline.benchmarks.OrderSystem.Placed;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LoadRunTest {

    private final Order order = new Order(UUID.randomUUID(), List.of(new Line("A", 2), new Line("B", 1)));

    @Test
    void decidedAnswersCountTowardsRateAndLatencyOthersAreKeptForReconciliation() {
        PhaseResult tally = new PhaseResult("measure");

        LoadRun.record(tally, order, Placed.confirmed("o1"), 2_000);
        LoadRun.record(tally, order, Placed.rejected("o2", "OUT_OF_STOCK:A"), 4_000);
        LoadRun.record(tally, order, Placed.undecided("o3"), 30_000_000);
        LoadRun.record(tally, order, Placed.error("HTTP 500: boom"), 1_000);
        tally.elapsedNanos = 1_000_000_000L;

        assertThat(tally.decided()).isEqualTo(2);
        assertThat(tally.ordersPerSecond()).isEqualTo(2.0);
        assertThat(tally.latencyMicros.getTotalCount()).isEqualTo(2);
        assertThat(tally.maxMillis()).isBetween(3.99, 4.01);
        assertThat(tally.confirmedUnits).containsEntry("A", 2L).containsEntry("B", 1L);
        assertThat(tally.rejectReasons).containsEntry("OUT_OF_STOCK", 1L);
        assertThat(tally.errorKinds).containsEntry("HTTP 500", 1L);
        assertThat(tally.unsettled).extracting(PhaseResult.Unsettled::orderId).containsExactly("o3", null);
        assertThat(tally.unitsOrdered).isEqualTo(12);
    }

    @Test
    void mergingClientsAddsTheirTallies() {
        PhaseResult a = new PhaseResult("measure");
        PhaseResult b = new PhaseResult("measure");
        LoadRun.record(a, order, Placed.confirmed("o1"), 1_000);
        LoadRun.record(b, order, Placed.confirmed("o2"), 3_000);

        a.merge(b);

        assertThat(a.confirmed).isEqualTo(2);
        assertThat(a.confirmedUnits).containsEntry("A", 4L);
        assertThat(a.latencyMicros.getTotalCount()).isEqualTo(2);
    }
}
