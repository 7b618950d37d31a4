package io.syncline.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CostTest {

    @Test
    void perOrderFiguresAreTheWindowsDifferencesOverDecidedOrders() {
        Cost.Sample before = new Cost.Sample(0, 1_000_000_000L, 50_000_000L, 1_000, 4_000);
        Cost.Sample after = new Cost.Sample(30_000_000_000L, 4_000_000_000L, 80_000_000L, 2_500, 10_000);

        Cost.PerOrder perOrder = Cost.PerOrder.of(before, after, 300);

        assertThat(perOrder.orders()).isEqualTo(300);
        assertThat(perOrder.appCpuMillis()).isCloseTo(10.0, within(1e-9));
        assertThat(perOrder.benchCpuMillis()).isCloseTo(0.1, within(1e-9));
        assertThat(perOrder.commits()).isCloseTo(5.0, within(1e-9));
        assertThat(perOrder.rowsWritten()).isCloseTo(20.0, within(1e-9));
    }

    @Test
    void noDecidedOrderMeansNoFigure() {
        Cost.Sample sample = new Cost.Sample(0, 1, 1, 1, 1);

        Cost.PerOrder perOrder = Cost.PerOrder.of(sample, sample, 0);

        assertThat(perOrder.appCpuMillis()).isNaN();
        assertThat(perOrder.commits()).isNaN();
    }

    @Test
    void idleFiguresAreShareOfOneCoreAndRatesPerSecond() {
        Cost.Sample before = new Cost.Sample(1_000_000_000L, 0, 0, 100, 0);
        // 20 s in which the application used 0.4 s of CPU and the database committed 40 times
        Cost.Sample after = new Cost.Sample(21_000_000_000L, 400_000_000L, 0, 140, 60);

        Cost.Idle idle = Cost.Idle.of(before, after);

        assertThat(idle.seconds()).isCloseTo(20.0, within(1e-9));
        assertThat(idle.cpuPercentOfCore()).isCloseTo(2.0, within(1e-9));
        assertThat(idle.commitsPerSecond()).isCloseTo(2.0, within(1e-9));
        assertThat(idle.rowsPerSecond()).isCloseTo(3.0, within(1e-9));
    }
}
