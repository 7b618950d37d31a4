package io.syncline.live.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StreamFairnessTest {

    private final InMemoryStreamStore store = new InMemoryStreamStore();
    private final StreamHub hub = new StreamHub(
            store,
            StreamHubTest.properties(100),
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
            Executors.newSingleThreadScheduledExecutor(),
            Executors.newFixedThreadPool(1),
            5);

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

        // one delivery thread, stuck in the slow client's write: the fast one was served by a stand-in
        assertThat(fast.closed).isFalse();
        assertThat(fast.ids()).hasSize(20).isSorted();
        assertThat(hub.subscriptionCount()).isEqualTo(1);
        assertThat(registry.get("syncline.stream.drops").counter().count()).isEqualTo(1);
        // the transport is closed by its blocked writer once the write returns
        assertThat(slow.droppedAsTooSlow).isFalse();
        stuck.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> slow.droppedAsTooSlow);
    }

    @Test
    void aClientWhoseWriteStaysBlockedIsDroppedWithoutHoldingUpTheOthers() throws Exception {
        StreamHub stallingHub = new StreamHub(
                store,
                StreamHubTest.properties(100),
                Clock.systemUTC(),
                Executors.newSingleThreadScheduledExecutor(),
                Executors.newFixedThreadPool(1),
                1000);
        stallingHub.writeStall(Duration.ofMillis(200));
        io.micrometer.core.instrument.simple.SimpleMeterRegistry registry =
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        new StreamMetrics(registry, new StreamConnections(StreamAccessProperties.defaults()), stallingHub);
        stallingHub.start();
        CountDownLatch stuck = new CountDownLatch(1);
        BlockedSink slow = new BlockedSink(stuck);
        RecordingSink fast = new RecordingSink();
        try {
            stallingHub.subscribe("m1", Set.of(StreamTopic.ORDERS), null, slow);
            stallingHub.subscribe("m1", Set.of(StreamTopic.ORDERS), null, fast);
            store.append("m1", StreamTopic.ORDERS, "order.placed");
            stallingHub.poll();

            // the buffer is far from full: only the blocked write gives the client away
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> registry.get("syncline.stream.drops").counter().count() == 1);
            for (int i = 0; i < 3; i++) {
                store.append("m1", StreamTopic.ORDERS, "order.placed");
            }
            stallingHub.poll();
            await().atMost(Duration.ofSeconds(5)).until(() -> fast.ids().size() == 4);
            assertThat(fast.ids()).isSorted();
            assertThat(stallingHub.subscriptionCount()).isEqualTo(1);
            stuck.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> slow.droppedAsTooSlow);
        } finally {
            stuck.countDown();
            stallingHub.stop();
        }
    }

    @Test
    void writesEveryPendingMessageOfAClientAtOnce() throws Exception {
        CountDownLatch firstWrite = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        java.util.List<java.util.List<Long>> writes = new java.util.concurrent.CopyOnWriteArrayList<>();
        StreamHub batchingHub = new StreamHub(
                store,
                StreamHubTest.properties(100),
                Clock.systemUTC(),
                Executors.newSingleThreadScheduledExecutor(),
                Executors.newFixedThreadPool(1),
                100);
        batchingHub.start();
        try {
            batchingHub.subscribe("m1", Set.of(StreamTopic.ORDERS), null, new RecordingSink() {
                @Override
                public void sendAll(java.util.List<StreamMessage> messages) throws IOException {
                    writes.add(messages.stream().map(StreamMessage::id).toList());
                    firstWrite.countDown();
                    try {
                        release.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            store.append("m1", StreamTopic.ORDERS, "order.placed");
            batchingHub.poll();
            assertThat(firstWrite.await(5, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 10; i++) {
                store.append("m1", StreamTopic.ORDERS, "order.placed");
            }
            batchingHub.poll();
            release.countDown();

            await().atMost(Duration.ofSeconds(5)).until(() -> writes.size() == 2);
            assertThat(writes.get(0)).hasSize(1);
            assertThat(writes.get(1)).hasSize(10).isSorted();
            assertThat(writes.get(1).get(0)).isGreaterThan(writes.get(0).get(0));
        } finally {
            release.countDown();
            batchingHub.stop();
        }
    }

    @Test
    void capsStreamsPerUserAndInAll() {
        StreamConnections connections = new StreamConnections(new StreamAccessProperties(null, null, 2, 3, null));
        StreamConnections.Permit first = connections.acquire("alice");
        connections.acquire("alice");

        assertThatThrownBy(() -> connections.acquire("alice"))
                .isInstanceOfSatisfying(StreamConnections.RefusedException.class, e -> assertThat(e.refusal())
                        .isEqualTo(StreamConnections.Refusal.USER_LIMIT));
        connections.acquire("bob");
        assertThatThrownBy(() -> connections.acquire("carol"))
                .isInstanceOfSatisfying(StreamConnections.RefusedException.class, e -> assertThat(e.refusal())
                        .isEqualTo(StreamConnections.Refusal.INSTANCE_LIMIT));

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
        public void heartbeat() {}

        @Override
        public void close() {}

        @Override
        public void closeTooSlow() {
            droppedAsTooSlow = true;
        }
    }
}
