package io.syncline.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncline.benchmarks.ChannelLatency.Change;
import io.syncline.benchmarks.ChannelLatency.Decision;
import io.syncline.benchmarks.ChannelLatency.Delivery;
import io.syncline.benchmarks.ChannelLatency.Level;
import io.syncline.benchmarks.ChannelLatency.Placement;
import io.syncline.benchmarks.ChannelLatency.Push;
import io.syncline.benchmarks.ChannelLatency.ShopOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the channel benchmark times orders and pushes from what the application and the shops recorded. */
class ChannelLatencyTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private static Instant at(long millis) {
        return T0.plusMillis(millis);
    }

    @Test
    void anOrderTheShopCreatedIsTimedFromItsFirstDeliveryToItsDecision() {
        List<ShopOrder> created = List.of(
                new ShopOrder("s1", at(990)),
                new ShopOrder("s2", at(1_990)),
                // never reached Syncline
                new ShopOrder("s3", at(2_990)),
                // placed, not decided
                new ShopOrder("s4", at(3_990)),
                // before the window and after it
                new ShopOrder("s0", at(-600)),
                new ShopOrder("s5", at(10_000)));
        Map<String, Placement> placements = Map.of(
                "s0", new Placement("o0", at(-400)),
                "s1", new Placement("o1", at(1_100)),
                "s2", new Placement("o2", at(2_300)),
                "s4", new Placement("o4", at(4_100)),
                "s5", new Placement("o5", at(10_050)));
        List<Delivery> deliveries = List.of(
                new Delivery("o1", at(1_000)),
                // the same order's shipment later: no second clock
                new Delivery("o1", at(9_000)),
                new Delivery("o2", at(2_000)),
                new Delivery("o4", at(4_000)),
                // an inventory webhook: no order
                new Delivery(null, at(3_500)),
                new Delivery("o0", at(-500)),
                new Delivery("o5", at(10_010)));
        Map<String, Decision> decisions = Map.of(
                "o0", new Decision(at(100), true),
                "o1", new Decision(at(1_250), true),
                "o2", new Decision(at(2_750), false),
                "o5", new Decision(at(10_100), true));

        ChannelLatency.Orders orders =
                ChannelLatency.orders(created, placements, deliveries, decisions, at(0), at(10_000));

        assertThat(orders.created).isEqualTo(4);
        assertThat(orders.placed).isEqualTo(3);
        assertThat(orders.confirmed).isEqualTo(1);
        assertThat(orders.rejected).isEqualTo(1);
        assertThat(orders.undecided()).isEqualTo(2);
        assertThat(orders.micros.getTotalCount()).isEqualTo(2);
        assertThat(orders.lastDecision).isEqualTo(at(2_750));
        // 250 and 750 measured, two never decided: the median is the slower of the two measured
        assertThat(orders.percentileMillis(25)).isBetween(249.0, 251.0);
        assertThat(orders.percentileMillis(50)).isBetween(749.0, 751.0);
        assertThat(orders.percentileMillis(99)).isInfinite();
        assertThat(orders.maxMillis()).isInfinite();
        // from the shop: 260 and 760 ms
        assertThat(orders.fromShopMillis(25)).isBetween(259.0, 261.0);
        // in the inbox 100, 300 and 100 ms; one order never got there
        assertThat(orders.inboxMillis(50)).isBetween(99.0, 101.0);
        assertThat(orders.inboxMillis(75)).isBetween(299.0, 301.0);
        assertThat(orders.inboxMillis(99)).isInfinite();
    }

    @Test
    void aCancellationThatOvertookTheCreationStartsTheClock() {
        List<Delivery> deliveries = List.of(new Delivery("o1", at(2_000)), new Delivery("o1", at(1_000)));

        ChannelLatency.Orders orders = ChannelLatency.orders(
                List.of(new ShopOrder("s1", at(900))),
                Map.of("s1", new Placement("o1", at(2_100))),
                deliveries,
                Map.of("o1", new Decision(at(2_500), false)),
                at(0),
                at(10_000));

        assertThat(orders.maxMillis()).isBetween(1_499.0, 1_501.0);
    }

    @Test
    void percentilesCountWhatNeverFinishedAsTheLongest() {
        var done = PhaseResult.newHistogram();
        for (int i = 1; i <= 98; i++) {
            done.recordValue(i * 1_000L);
        }

        assertThat(ChannelLatency.censoredMillis(done, 0, 50)).isBetween(48.9, 49.1);
        // 98 measured of 100: p98 is the slowest measured, p99 is among the two unfinished
        assertThat(ChannelLatency.censoredMillis(done, 2, 98)).isBetween(97.9, 98.1);
        assertThat(ChannelLatency.censoredMillis(done, 2, 99)).isInfinite();
        assertThat(ChannelLatency.censoredMillis(PhaseResult.newHistogram(), 0, 99))
                .isNaN();
    }

    @Test
    void aChangeIsWhatTheShopShouldShowMovingNotEveryStockEvent() {
        List<Level> levels = List.of(
                new Level("A", at(0), 0, 0),
                new Level("A", at(10), 100, 0),
                new Level("A", at(20), 100, 3),
                // a shipment: on-hand and reserved go down together, available stays 97
                new Level("A", at(30), 97, 0),
                new Level("A", at(40), 97, 2),
                new Level("B", at(5), 10, 12));

        List<Change> changes = ChannelLatency.changes(levels, 1, 96);

        assertThat(changes)
                .containsExactly(
                        new Change("A", at(0), 0),
                        new Change("A", at(10), 96),
                        new Change("A", at(40), 94),
                        new Change("B", at(5), 0));
    }

    @Test
    void onePushSettlesEveryChangeUpToTheStateItCarries() {
        List<Change> changes = List.of(
                new Change("A", at(0), 100),
                new Change("A", at(1_000), 98),
                new Change("A", at(1_100), 97),
                new Change("A", at(1_200), 95),
                new Change("A", at(2_000), 94));
        List<Push> pushes = List.of(
                new Push("A", at(50), 100),
                // carries the state of 1_100: settles 1_000 and 1_100, not 1_200
                new Push("A", at(1_400), 97),
                new Push("A", at(2_300), 94));

        ChannelLatency.Pushes result = ChannelLatency.pushes(changes, pushes, at(500), at(3_000));

        assertThat(result.changes).isEqualTo(4);
        assertThat(result.acknowledged).isEqualTo(4);
        assertThat(result.unacknowledged).isZero();
        // 400, 300, then 1_100 (1_200 settled at 2_300) and 300
        assertThat(result.micros.getTotalCount()).isEqualTo(4);
        assertThat(ChannelLatency.maxMillis(result.micros)).isBetween(1_099.0, 1_101.0);
        assertThat(result.percentileMillis(50)).isBetween(299.0, 301.0);
    }

    @Test
    void aPushOfAnOlderStateOrOfAQuantityNoChangeHadSettlesNothingNew() {
        List<Change> changes = List.of(
                new Change("A", at(0), 10),
                new Change("A", at(100), 8),
                // a release brings back 10
                new Change("A", at(200), 10),
                new Change("A", at(300), 7));
        List<Push> pushes = List.of(
                // 10 at 250: the latest change with 10 before it is the one at 200, which settles 100 and 200
                new Push("A", at(250), 10),
                // a quantity of no change (the shop's own drift written back, say) settles nothing
                new Push("A", at(260), 42),
                // pushed before the change it would match: not that change
                new Push("A", at(290), 7));

        ChannelLatency.Pushes result = ChannelLatency.pushes(changes, pushes, at(50), at(1_000));

        assertThat(result.changes).isEqualTo(3);
        assertThat(result.acknowledged).isEqualTo(2);
        assertThat(result.unacknowledged).isEqualTo(1);
        assertThat(ChannelLatency.maxMillis(result.micros)).isBetween(149.0, 151.0);
    }

    @Test
    void skusAreMatchedApartAndBothShopsAddUp() {
        List<Change> changes = List.of(new Change("A", at(0), 5), new Change("B", at(0), 5));
        List<Push> pushes = List.of(new Push("B", at(40), 5));

        ChannelLatency.Pushes one = ChannelLatency.pushes(changes, pushes, at(0), at(100));
        ChannelLatency.Pushes both = ChannelLatency.merge(one, one);

        assertThat(one.acknowledged).isEqualTo(1);
        assertThat(one.unacknowledged).isEqualTo(1);
        assertThat(both.changes).isEqualTo(4);
        assertThat(both.micros.getTotalCount()).isEqualTo(2);
        assertThat(ChannelLatency.count(changes, at(0), at(1))).isEqualTo(2);
        assertThat(Double.isNaN(new ChannelLatency.Pushes().percentileMillis(99)))
                .isTrue();
    }
}
