package io.syncline.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The channel benchmark's flags and how it merges the shops' logs read every second. */
class ChannelBenchmarkTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void defaultsToAHundredOrdersASecondOverTwentySkus() {
        ChannelOptions options = ChannelOptions.parse(new String[0], Map.of());

        assertThat(options.rate()).isEqualTo(100.0);
        assertThat(options.shopifyRate()).isEqualTo(50.0);
        assertThat(options.tiktokRate()).isEqualTo(50.0);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.skus()).isEqualTo(20);
        assertThat(options.shopifyInventoryWebhooks()).isTrue();
        assertThat(options.tiktokRequestsPerSecond()).isZero();
        assertThat(options.app().appJvmOptions()).isEmpty();
    }

    @Test
    void readsFlagsAndRefusesStockTikTokCannotShow() {
        ChannelOptions options = ChannelOptions.parse(
                new String[] {"--rate=40", "--shopify-share=0.25", "--duration=20s", "--keep"},
                Map.of("SYNCLINE_BENCH_PG", "jdbc:postgresql://db:5432/"));

        assertThat(options.shopifyRate()).isEqualTo(10.0);
        assertThat(options.tiktokRate()).isEqualTo(30.0);
        assertThat(options.app().pg()).isEqualTo("jdbc:postgresql://db:5432/");
        assertThat(options.app().keep()).isTrue();
        assertThatThrownBy(() -> ChannelOptions.parse(new String[] {"--stock=100000"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChannelOptions.parse(new String[] {"--nope=1"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overlappingReadsOfAShopsRequestLogCountEachRequestOnce() {
        ShopRequests log = new ShopRequests(3);
        var a = entry(0, "applied", Map.of("A", 10));
        var b = entry(10, "stale", Map.of("A", 9));
        var c = entry(20, "applied", Map.of("A", 9));
        var d = entry(30, "read", Map.of("A", 9));

        log.merge(List.of(a, b));
        log.merge(List.of(a, b, c));
        log.merge(List.of(b, c, d));

        assertThat(log.gaps()).isZero();
        assertThat(log.pushes())
                .containsExactly(
                        new ChannelLatency.Push("A", T0, 10), new ChannelLatency.Push("A", T0.plusMillis(20), 9));
        assertThat(log.outcomes(T0, T0.plusSeconds(1), "inventorySetQuantities"))
                .containsEntry("applied", 2L)
                .containsEntry("stale", 1L)
                .containsEntry("read", 1L);
    }

    @Test
    void aFullReadWithoutTheNewestEntrySeenBeforeIsAGap() {
        ShopRequests log = new ShopRequests(2);
        log.merge(List.of(entry(0, "applied", Map.of("A", 1))));
        log.merge(List.of(entry(10, "applied", Map.of("A", 2)), entry(20, "applied", Map.of("A", 3))));

        assertThat(log.gaps()).isEqualTo(1);
    }

    @Test
    void aWebhookCopyCountsOnceAsLastSeen() {
        ShopWebhooks copies = new ShopWebhooks(1000);
        copies.merge(List.of(new ShopWebhooks.Copy("d1", "orders/create", 1, "PENDING", 1, T0)));
        copies.merge(List.of(
                new ShopWebhooks.Copy("d1", "orders/create", 1, "DELIVERED", 2, T0),
                new ShopWebhooks.Copy("d2", "inventory_levels/update", 1, "FAILED", 9, T0.plusMillis(5))));

        ShopWebhooks.Tally tally = copies.tally(T0, T0.plusSeconds(1));

        assertThat(tally.sent).isEqualTo(2);
        assertThat(tally.retried).isEqualTo(2);
        assertThat(tally.failed).isEqualTo(1);
        assertThat(tally.byTopic).containsEntry("orders/create", 1L);
    }

    private static ShopRequests.Entry entry(long millis, String outcome, Map<String, Integer> quantities) {
        return new ShopRequests.Entry(T0.plusMillis(millis), "inventorySetQuantities", outcome, quantities);
    }
}
