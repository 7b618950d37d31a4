package io.syncline.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncline.benchmarks.OrderMix.Order;
import io.syncline.benchmarks.OrderSystem.Placed;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenLoopRunTest {

    @Test
    void ordersAreDueAtFixedIntervalsWhateverTheAnswers() {
        assertThat(OpenLoopRun.dueNanos(0, 100)).isZero();
        assertThat(OpenLoopRun.dueNanos(1, 100)).isEqualTo(10_000_000L);
        assertThat(OpenLoopRun.dueNanos(250, 100)).isEqualTo(2_500_000_000L);
        assertThat(OpenLoopRun.dueNanos(2, 3)).isEqualTo(666_666_667L);
    }

    @Test
    void aWindowHoldsTheOrdersDueBeforeItCloses() {
        assertThat(OpenLoopRun.ordersIn(Duration.ofSeconds(30), 100)).isEqualTo(3_000);
        assertThat(OpenLoopRun.ordersIn(Duration.ofSeconds(1), 2.5)).isEqualTo(3);
        assertThat(OpenLoopRun.ordersIn(Duration.ofMillis(500), 1)).isEqualTo(1);
    }

    @Test
    void aSendStartedMoreThanTenMillisecondsAfterItWasDueIsLate() {
        assertThat(OpenLoopRun.late(1_000_000_000L, 1_010_000_000L)).isFalse();
        assertThat(OpenLoopRun.late(1_000_000_000L, 1_010_000_001L)).isTrue();
    }

    @Test
    void slowAnswersDoNotDelayTheNextSendAndCountFromWhenTheOrderWasDue() throws InterruptedException {
        // every answer takes 300 ms; one sender only, so from the second order on each waits for it
        OrderSystem slow = new SlowSystem(300);
        OrderMix mix = new OrderMix(List.of("A", "B", "C"));

        PhaseResult result = OpenLoopRun.run("measure", slow, mix, 20, Duration.ofMillis(200), 1, 1);

        assertThat(result.sent).isEqualTo(4);
        assertThat(result.confirmed).isEqualTo(4);
        // the 2nd to 4th waited for the sender
        assertThat(result.lateSends).isGreaterThanOrEqualTo(3);
        // the last order was due at 150 ms and answered after four answers of at least 300 ms
        assertThat(result.maxMillis()).isGreaterThanOrEqualTo(1_200 - 150);
        assertThat(result.offeredRate).isEqualTo(20);
    }

    private record SlowSystem(long millis) implements OrderSystem {
        @Override
        public String name() {
            return "slow";
        }

        @Override
        public void createStock(Map<String, Integer> onHand) {}

        @Override
        public void restock(Map<String, Integer> additional, Map<String, Long> soldSoFar) {}

        @Override
        public Placed place(Order order) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Placed.confirmed(order.reference().toString());
        }

        @Override
        public void reconcile(PhaseResult phase) {}

        @Override
        public List<StockCheck.SkuLedger> ledger(Map<String, Long> confirmedUnits) {
            return List.of();
        }

        @Override
        public void close() {}
    }
}
