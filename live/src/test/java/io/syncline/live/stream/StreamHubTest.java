package io.syncline.live.stream;

import static io.syncline.live.stream.StreamTopic.INVENTORY;
import static io.syncline.live.stream.StreamTopic.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StreamHubTest {

    private static final Set<StreamTopic> ALL = EnumSet.allOf(StreamTopic.class);
    private static final Instant NOW = Instant.parse("2030-01-02T00:00:00Z");

    private final InMemoryStreamStore store = new InMemoryStreamStore();
    private final List<StreamHub> hubs = new ArrayList<>();

    @AfterEach
    void stopHubs() {
        hubs.forEach(StreamHub::stop);
    }

    @Test
    void newClientGetsOnlyMessagesCommittedAfterItConnected() {
        append(3, "m1", ORDERS);
        StreamHub hub = hub(100);
        RecordingSink sink = new RecordingSink();
        hub.subscribe("m1", ALL, null, sink);

        long live = store.append("m1", ORDERS, "order.placed").id();
        hub.poll();

        assertThat(sink.ids()).containsExactly(live);
    }

    @Test
    void resumesFromTheTailWithoutGapsOrDuplicates() {
        StreamHub hub = hub(100);
        append(5, "m1", ORDERS);
        hub.poll();
        RecordingSink sink = new RecordingSink();

        hub.subscribe("m1", ALL, 2L, sink);
        store.append("m1", ORDERS, "order.confirmed");
        hub.poll();

        assertThat(sink.ids()).containsExactly(3L, 4L, 5L, 6L);
    }

    @Test
    void resumesFromTheTableWhenOlderThanTheTail() {
        StreamHub hub = hub(2);
        append(6, "m1", ORDERS);
        hub.poll();
        RecordingSink sink = new RecordingSink();

        hub.subscribe("m1", ALL, 1L, sink);
        store.append("m1", ORDERS, "order.shipped");
        hub.poll();

        assertThat(sink.ids()).containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void resumesFromTheTableWhatWasStoredBeforeThisInstanceStarted() {
        append(4, "m1", INVENTORY);
        StreamHub hub = hub(100);
        RecordingSink sink = new RecordingSink();

        hub.subscribe("m1", ALL, 2L, sink);

        assertThat(sink.ids()).containsExactly(3L, 4L);
    }

    @Test
    void messagesCommittedWhileAReplayReadsAreDeliveredOnceInOrder() {
        append(6, "m1", ORDERS);
        StreamHub hub = hub(100);
        store.duringNextReplayRead(() -> {
            append(3, "m1", ORDERS);
            hub.poll();
        });
        RecordingSink sink = new RecordingSink();

        hub.subscribe("m1", ALL, 0L, sink);
        store.append("m1", ORDERS, "order.placed");
        hub.poll();

        assertThat(sink.ids())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 10).boxed().toList());
    }

    @Test
    void gapsInIdsDoNotStopDelivery() {
        StreamHub hub = hub(100);
        RecordingSink sink = new RecordingSink();
        hub.subscribe("m1", ALL, null, sink);

        store.append("m1", ORDERS, "order.placed");
        store.skipIds(3);
        store.append("m1", ORDERS, "order.confirmed");
        hub.poll();

        assertThat(sink.ids()).containsExactly(1L, 5L);
    }

    @Test
    void clientsGetOnlyTheirMerchantsMessagesLiveAndOnResume() {
        StreamHub hub = hub(100);
        store.append("m1", ORDERS, "order.placed");
        store.append("m2", ORDERS, "order.placed");
        hub.poll();
        RecordingSink m1 = new RecordingSink();
        RecordingSink m2 = new RecordingSink();
        RecordingSink m1Resumed = new RecordingSink();
        hub.subscribe("m1", ALL, null, m1);
        hub.subscribe("m2", ALL, null, m2);
        hub.subscribe("m1", ALL, 0L, m1Resumed);

        store.append("m2", INVENTORY, "stock.changed");
        store.append("m1", INVENTORY, "stock.changed");
        hub.poll();

        assertThat(m1.messages()).extracting(StreamMessage::merchantId).containsOnly("m1");
        assertThat(m1.ids()).containsExactly(4L);
        assertThat(m2.ids()).containsExactly(3L);
        assertThat(m1Resumed.ids()).containsExactly(1L, 4L);
    }

    @Test
    void clientsGetOnlyTheTopicsTheyAskedFor() {
        StreamHub hub = hub(1);
        store.append("m1", ORDERS, "order.placed");
        store.append("m1", INVENTORY, "stock.changed");
        hub.poll();
        RecordingSink inventory = new RecordingSink();
        hub.subscribe("m1", Set.of(INVENTORY), 0L, inventory);

        store.append("m1", ORDERS, "order.confirmed");
        store.append("m1", INVENTORY, "stock.low");
        hub.poll();

        assertThat(inventory.types()).containsExactly("stock.changed", "stock.low");
    }

    @Test
    void aResumeOlderThanWhatIsKeptIsNotResumableAndEndsTheConnection() {
        append(5, "m1", ORDERS);
        store.deleteUpTo(3);
        StreamHub hub = hub(100);
        RecordingSink sink = new RecordingSink();

        assertThat(hub.resumable(2)).isFalse();
        assertThat(hub.resumable(3)).isTrue();
        hub.subscribe("m1", ALL, 2L, sink);
        store.append("m1", ORDERS, "order.placed");
        hub.poll();

        assertThat(sink.resumeExpired).isTrue();
        assertThat(sink.messages()).isEmpty();
        assertThat(hub.subscriptionCount()).isZero();
    }

    @Test
    void aResumeAfterTheLastPurgedMessageLosesNothing() {
        append(3, "m1", ORDERS);
        store.deleteUpTo(3);
        StreamHub hub = hub(100);
        RecordingSink sink = new RecordingSink();

        hub.subscribe("m1", ALL, 3L, sink);
        store.append("m1", ORDERS, "order.placed");
        hub.poll();

        assertThat(sink.ids()).containsExactly(4L);
    }

    @Test
    void aResumeWhoseRowsArePurgedDuringTheReplaySendsNothingPastTheGapAndEndsTheConnection() {
        StreamHub hub = hub(1);
        append(5, "m1", ORDERS);
        hub.poll();
        store.duringNextReplayRead(() -> store.deleteUpTo(3));
        RecordingSink sink = new RecordingSink();

        hub.subscribe("m1", ALL, 1L, sink);

        // 4 and 5 were read, but 2 and 3 are gone: sending 4 would let the client resume past the gap
        assertThat(sink.messages()).isEmpty();
        assertThat(sink.resumeExpired).isTrue();
        assertThat(hub.resumable(1)).isFalse();
    }

    @Test
    void aReplayPageReadBeforeAPurgeIsDeliveredWhole() {
        StreamHub hub = hub(1);
        append(StreamHub.PAGE_SIZE + 2, "m1", ORDERS);
        hub.poll();
        // the second page's read comes after a purge of rows the first page delivered already
        store.duringNextReplayRead(() -> store.duringNextReplayRead(() -> store.deleteUpTo(3)));
        RecordingSink sink = new RecordingSink();

        hub.subscribe("m1", ALL, 0L, sink);

        assertThat(sink.ids())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, StreamHub.PAGE_SIZE + 2)
                        .boxed()
                        .toList());
        assertThat(sink.resumeExpired).isFalse();
    }

    @Test
    void anIdNeverHandedOutIsNotResumableAndEndsTheConnection() {
        append(5, "m1", ORDERS);
        StreamHub hub = hub(100);
        RecordingSink sink = new RecordingSink();

        assertThat(hub.resumable(5)).isTrue();
        assertThat(hub.resumable(99)).isFalse();
        hub.subscribe("m1", ALL, 99L, sink);
        store.append("m1", ORDERS, "order.placed");
        hub.poll();

        assertThat(sink.resumeExpired).isTrue();
        assertThat(sink.messages()).isEmpty();
    }

    @Test
    void anIdAnotherInstanceHasSeenAlreadyIsResumable() {
        StreamHub hub = hub(100);
        append(3, "m1", ORDERS);

        // this instance has not polled yet; the store has handed the ids out
        assertThat(hub.lastSeenId()).isZero();
        assertThat(hub.resumable(3)).isTrue();
        assertThat(hub.resumable(0)).isTrue();
    }

    @Test
    void aResumeFromAnInstanceFurtherAheadSkipsWhatTheClientHas() {
        StreamHub hub = hub(100);
        append(7, "m1", ORDERS);
        RecordingSink sink = new RecordingSink();

        hub.subscribe("m1", ALL, 6L, sink);
        hub.poll();

        assertThat(sink.ids()).containsExactly(7L);
    }

    @Test
    void purgeDeletesOnlyMessagesOlderThanTheRetention() {
        store.clock(NOW.minus(Duration.ofHours(25)));
        append(2, "m1", ORDERS);
        store.clock(NOW.minus(Duration.ofHours(23)));
        append(1, "m1", ORDERS);
        StreamHub hub = hub(100);

        hub.purge();

        assertThat(store.all()).extracting(StreamMessage::id).containsExactly(3L);
        assertThat(store.purgedUpTo()).isEqualTo(2L);
    }

    @Test
    void aClientTooFarBehindIsCutOffSoThatItResumes() {
        List<Runnable> pending = new ArrayList<>();
        StreamHub hub = new StreamHub(
                store,
                properties(100),
                Clock.fixed(NOW, ZoneOffset.UTC),
                scheduler(),
                new DirectExecutorService() {
                    @Override
                    public void execute(Runnable command) {
                        pending.add(command);
                    }
                },
                3);
        hubs.add(hub);
        hub.start();
        RecordingSink sink = new RecordingSink();
        hub.subscribe("m1", ALL, null, sink);

        append(5, "m1", ORDERS);
        hub.poll();
        pending.forEach(Runnable::run);

        assertThat(sink.closed).isTrue();
        assertThat(hub.subscriptionCount()).isZero();
    }

    @Test
    void aClientThatWentAwayIsDropped() {
        StreamHub hub = hub(100);
        RecordingSink sink = new RecordingSink();
        hub.subscribe("m1", ALL, null, sink);
        sink.failing = true;

        hub.heartbeat();

        assertThat(hub.subscriptionCount()).isZero();
        assertThat(sink.closed).isTrue();
    }

    @Test
    void heartbeatsReachEveryClient() {
        StreamHub hub = hub(100);
        RecordingSink first = new RecordingSink();
        RecordingSink second = new RecordingSink();
        hub.subscribe("m1", ALL, null, first);
        hub.subscribe("m2", ALL, null, second);

        hub.heartbeat();

        assertThat(first.heartbeats).hasValue(1);
        assertThat(second.heartbeats).hasValue(1);
    }

    @Test
    void stoppingClosesEveryStreamAndRefusesNewOnes() {
        StreamHub hub = hub(100);
        RecordingSink open = new RecordingSink();
        hub.subscribe("m1", ALL, null, open);

        hub.stop();
        RecordingSink late = new RecordingSink();
        StreamSubscription refused = hub.subscribe("m1", ALL, null, late);

        assertThat(open.closed).isTrue();
        assertThat(late.closed).isTrue();
        assertThat(refused.isClosed()).isTrue();
        assertThat(hub.subscriptionCount()).isZero();
    }

    @Test
    void aClientThatDisconnectsIsForgotten() {
        StreamHub hub = hub(100);
        RecordingSink sink = new RecordingSink();
        StreamSubscription subscription = hub.subscribe("m1", ALL, null, sink);

        subscription.cancel();
        store.append("m1", ORDERS, "order.placed");
        hub.poll();

        assertThat(hub.subscriptionCount()).isZero();
        assertThat(sink.ids()).isEmpty();
    }

    @Test
    void purgesAboutTenTimesPerRetentionWithinBounds() {
        assertThat(StreamHub.purgeInterval(Duration.ofHours(24))).isEqualTo(Duration.ofHours(1));
        assertThat(StreamHub.purgeInterval(Duration.ofMinutes(10))).isEqualTo(Duration.ofMinutes(1));
        assertThat(StreamHub.purgeInterval(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(1));
    }

    private void append(int count, String merchantId, StreamTopic topic) {
        for (int i = 0; i < count; i++) {
            store.append(merchantId, topic, topic == ORDERS ? "order.placed" : "stock.changed");
        }
    }

    @Test
    void looksLessOftenWhileNothingComesAndAtTheIntervalAgainOnceSomethingDoes() {
        RecordingScheduler scheduler = new RecordingScheduler();
        StreamHub hub = new StreamHub(
                store,
                new StreamProperties(
                        Duration.ofHours(1), null, Duration.ofMillis(100), Duration.ofMillis(700), null, 100),
                Clock.fixed(NOW, ZoneOffset.UTC),
                scheduler,
                new DirectExecutorService(),
                StreamHub.CLIENT_BUFFER);
        hubs.add(hub);
        hub.start();
        RecordingSink sink = new RecordingSink();
        hub.subscribe("m1", ALL, null, sink);

        for (int i = 0; i < 4; i++) {
            scheduler.runNextPoll();
        }
        long live = store.append("m1", ORDERS, "order.placed").id();
        scheduler.runNextPoll();
        scheduler.runNextPoll();

        assertThat(scheduler.pollDelays).containsExactly(100L, 200L, 400L, 700L, 700L, 100L, 200L);
        assertThat(sink.ids()).containsExactly(live);
    }

    /** Records the one-off tasks (the polls) with their delays instead of running them; the rest never run. */
    private static final class RecordingScheduler extends ScheduledThreadPoolExecutor {

        final List<Long> pollDelays = new ArrayList<>();
        private Runnable next;

        RecordingScheduler() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            pollDelays.add(unit.toMillis(delay));
            next = command;
            return super.schedule(() -> {}, 1, TimeUnit.DAYS);
        }

        void runNextPoll() {
            next.run();
        }
    }

    private StreamHub hub(int tailSize) {
        StreamHub hub = new StreamHub(
                store,
                properties(tailSize),
                Clock.fixed(NOW, ZoneOffset.UTC),
                scheduler(),
                new DirectExecutorService(),
                StreamHub.CLIENT_BUFFER);
        hubs.add(hub);
        hub.start();
        return hub;
    }

    /** Polls and heartbeats are driven by the tests, so the scheduled ones practically never run. */
    static StreamProperties properties(int tailSize) {
        return new StreamProperties(Duration.ofHours(1), null, Duration.ofHours(1), null, null, tailSize);
    }

    private static ScheduledExecutorService scheduler() {
        return Executors.newSingleThreadScheduledExecutor();
    }
}
