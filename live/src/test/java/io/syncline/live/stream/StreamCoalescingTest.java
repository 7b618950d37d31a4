package io.syncline.live.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StreamCoalescingTest {

    private final InMemoryStreamStore store = new InMemoryStreamStore();
    private final StreamHub hub = new StreamHub(
            store,
            StreamHubTest.properties(100),
            Clock.systemUTC(),
            Executors.newSingleThreadScheduledExecutor(),
            Executors.newCachedThreadPool(),
            100);

    @AfterEach
    void stop() {
        hub.stop();
    }

    @Test
    void aCoalescingClientGetsOnlyTheNewestStockChangeOfEachSkuInABurst() {
        hub.start();
        RecordingSink coalescing = new RecordingSink();
        RecordingSink plain = new RecordingSink();
        hub.subscribe("m1", EnumSet.allOf(StreamTopic.class), null, coalescing, true);
        hub.subscribe("m1", EnumSet.allOf(StreamTopic.class), null, plain);

        for (int i = 1; i <= 5; i++) {
            stockChanged("A", i);
        }
        long order = store.append("m1", StreamTopic.ORDERS, "order.placed").id();
        stockChanged("B", 1);
        stockChanged("B", 2);
        long newestA = stockChanged("A", 6);
        long newestB = stockChanged("B", 3);
        hub.poll();

        await().atMost(Duration.ofSeconds(5))
                .until(() -> plain.ids().size() == 10 && coalescing.ids().size() >= 3);
        await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> true);
        assertThat(coalescing.ids()).containsExactly(order, newestA, newestB);
        assertThat(coalescing.closed).isFalse();
    }

    @Test
    void holdsACoalescingClientsMessagesForTheConfiguredWindow() {
        hub.coalesceWindow(Duration.ofSeconds(1));
        hub.start();
        RecordingSink coalescing = new RecordingSink();
        hub.subscribe("m1", EnumSet.allOf(StreamTopic.class), null, coalescing, true);

        stockChanged("A", 1);
        hub.poll();
        // the default 100 ms would have sent it by now
        await().during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(1))
                .until(() -> coalescing.ids().isEmpty());
        long newest = stockChanged("A", 2);
        hub.poll();

        await().atMost(Duration.ofSeconds(5)).until(() -> !coalescing.ids().isEmpty());
        assertThat(coalescing.ids()).containsExactly(newest);
    }

    @Test
    void theCoalesceWindowDefaultsTo100MillisecondsAndMustBePositive() {
        assertThat(StreamDeliveryProperties.defaults().coalesceWindow()).isEqualTo(Duration.ofMillis(100));
        assertThat(new StreamDeliveryProperties(null, null, Duration.ofMillis(250)).coalesceWindow())
                .isEqualTo(Duration.ofMillis(250));
        assertThatThrownBy(() -> new StreamDeliveryProperties(null, null, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("coalesce-window");
        assertThatThrownBy(() -> new StreamDeliveryProperties(null, null, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findsTheSkuOfAStockChangeOnly() {
        StreamMessage change = new StreamMessage(
                1,
                "m1",
                StreamTopic.INVENTORY,
                "stock.changed",
                "{\"merchantId\":\"m1\",\"sku\":\"MUG-\\\"1\\\"\",\"onHand\":3}",
                null);
        StreamMessage low = new StreamMessage(
                2, "m1", StreamTopic.INVENTORY, "stock.low", "{\"merchantId\":\"m1\",\"sku\":\"MUG\"}", null);

        assertThat(change.coalescingKey()).isEqualTo("MUG-\\\"1\\\"");
        assertThat(low.coalescingKey()).isNull();
    }

    private long stockChanged(String sku, int onHand) {
        return store.append(
                        "m1",
                        StreamTopic.INVENTORY,
                        "stock.changed",
                        "{\"merchantId\":\"m1\",\"sku\":\"" + sku + "\",\"onHand\":" + onHand + "}")
                .id();
    }
}
