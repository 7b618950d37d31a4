package io.syncline.gateway.stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class StreamFairnessTest {

    private final InMemoryStreamStore store = new InMemoryStreamStore();
    private final StreamHub hub = new StreamHub(store, StreamHubTest.properties(100),
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
            Executors.newSingleThreadScheduledExecutor(), Executors.newCachedThreadPool(), 5);

    @AfterEach
    void stop() {
        hub.stop();
    }

    @Test
    void aSlowClientIsDroppedWhileAFastOneKeepsReceiving() throws Exception {
        io.micrometer.core.instrument.simple.SimpleMeterRegistry registry =
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        new StreamMetrics(registry, new StreamConnections(StreamAccessProperties.defaults()), hub);
        hub.start();
        CountDownLatch stuck = new CountDownLatch(1);
        BlockedSink slow = new BlockedSink(stuck);
        RecordingSink fast = new RecordingSink();
        hub.subscribe("m1", Set.of(StreamTopic.ORDERS), null, slow);
        hub.subscribe("m1", Set.of(StreamTopic.ORDERS), null, fast);

        for (int round = 0; round < 4; round++) {
            for (int i = 0; i < 5; i++) {
                store.append("m1", StreamTopic.ORDERS, "order.placed");
            }
            hub.poll();
            int expected = (round + 1) * 5;
            await().atMost(Duration.ofSeconds(5)).until(() -> fast.ids().size() == expected);
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> slow.droppedAsTooSlow);
        assertThat(fast.closed).isFalse();
        assertThat(fast.ids()).hasSize(20).isSorted();
        assertThat(hub.subscriptionCount()).isEqualTo(1);
        assertThat(registry.get("syncline.stream.drops").counter().count()).isEqualTo(1);
        stuck.countDown();
    }

    @Test
    void capsStreamsPerUserAndInAll() {
        StreamConnections connections = new StreamConnections(new StreamAccessProperties(null, null, 2, 3, null));
        StreamConnections.Permit first = connections.acquire("alice");
        connections.acquire("alice");

        assertThatThrownBy(() -> connections.acquire("alice"))
                .isInstanceOfSatisfying(StreamConnections.RefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(StreamConnections.Refusal.USER_LIMIT));
        connections.acquire("bob");
        assertThatThrownBy(() -> connections.acquire("carol"))
                .isInstanceOfSatisfying(StreamConnections.RefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(StreamConnections.Refusal.INSTANCE_LIMIT));

        first.release();
        first.release();
        assertThat(connections.open()).isEqualTo(2);
        connections.acquire("alice");
        assertThat(connections.open()).isEqualTo(3);
    }

    /** A client that stops reading: its first write never returns until the test ends. */
    private static final class BlockedSink implements StreamSink {

        private final CountDownLatch stuck;
        volatile boolean droppedAsTooSlow;

        BlockedSink(CountDownLatch stuck) {
            this.stuck = stuck;
        }

        @Override
        public void send(StreamMessage message) throws IOException {
            try {
                stuck.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void heartbeat() {
        }

        @Override
        public void close() {
        }

        @Override
        public void closeTooSlow() {
            droppedAsTooSlow = true;
        }
    }
}
