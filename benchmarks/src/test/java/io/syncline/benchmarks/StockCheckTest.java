package io.syncline.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncline.benchmarks.StockCheck.SkuLedger;
import java.util.List;
import org.junit.jupiter.api.Test;

class StockCheckTest {

    @Test
    void passesWhenReservationsMatchConfirmedUnitsWithinSupply() {
        var verdict =
                StockCheck.check(List.of(new SkuLedger("A", 10, 10, 10, 0, 10), new SkuLedger("B", 10, 10, 4, 6, 4)));

        assertThat(verdict.pass()).isTrue();
        assertThat(verdict.word()).isEqualTo("PASS");
        assertThat(verdict.supplied()).isEqualTo(20);
        assertThat(verdict.confirmedUnits()).isEqualTo(14);
    }

    @Test
    void failsWhenMoreUnitsWereConfirmedThanSupplied() {
        // available is clamped at zero by the API, so an oversell shows as confirmed > supplied
        var verdict = StockCheck.check(List.of(new SkuLedger("A", 10, 10, 12, 0, 12)));

        assertThat(verdict.pass()).isFalse();
        assertThat(verdict.failures()).anyMatch(f -> f.contains("OVERSOLD"));
    }

    @Test
    void failsWhenReservedDiffersFromConfirmedUnits() {
        var verdict = StockCheck.check(List.of(new SkuLedger("A", 10, 10, 5, 5, 4)));

        assertThat(verdict.failures()).containsExactly("A: confirmed 4 != reserved 5");
    }

    @Test
    void failsOnNegativeAvailableOrInconsistentCounters() {
        assertThat(StockCheck.check(List.of(new SkuLedger("A", 10, 10, 11, -1, 10)))
                        .failures())
                .anyMatch(f -> f.contains("available -1 < 0"));
        assertThat(StockCheck.check(List.of(new SkuLedger("A", 10, 9, 3, 6, 3))).failures())
                .anyMatch(f -> f.contains("onHand 9 != supplied 10"));
        assertThat(StockCheck.check(List.of(new SkuLedger("A", 10, 10, 3, 6, 3)))
                        .failures())
                .anyMatch(f -> f.contains("reserved 3 + available 6 != onHand 10"));
    }

    @Test
    void stockForTheWindowIsTheRatioOfExpectedUnitsSpreadOverSkus() {
        // 300 units/s for 30 s is 9000 units; 90% over 50 SKUs is 162 each
        assertThat(StockCheck.stockPerSku(300, 30, 50, 0.9)).isEqualTo(162);
        assertThat(StockCheck.stockPerSku(1, 1, 50, 0.9)).isEqualTo(1);
    }
}
