package io.syncline.gateway.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StockServiceTest {

    public record Counted(boolean created, long version) {}

    @Test
    void readsWhetherTheCountDefinedTheSku() {
        assertThat(StockService.created(Boolean.TRUE, false)).isTrue();
        assertThat(StockService.created(Boolean.FALSE, true)).isFalse();
        assertThat(StockService.created(new Counted(true, 1), false)).isTrue();
        assertThat(StockService.created(new Counted(false, 3), true)).isFalse();
    }

    @Test
    void fallsBackOnWhetherTheViewExistedBefore() {
        assertThat(StockService.created(null, true)).isTrue();
        assertThat(StockService.created("m1/sku", false)).isFalse();
        assertThat(StockService.created(42, true)).isTrue();
    }
}
