package io.syncline.live.stream;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Delivers stream messages to the clients connected to this instance.
 *
 * <p>Only one instance runs the live-stream projection, so every instance polls {@code stream_messages}
 * for rows after the newest it has seen; the projection nudges its own instance after each commit. Rows
 * are dispatched in id order to the subscriptions of their merchant, and the newest {@code tailSize} stay
 * in memory for quick resumes.
 *
 * <p>A resume after id {@code L} never loses or repeats a message: the subscription is registered first
 * (from then on it queues every new message), the newest id dispatched so far, {@code H}, is read in the
 * same step, the messages in {@code (L, H]} are replayed from the tail or the table, and only then is the
 * queue drained, skipping whatever was sent already.
 *
 * <p>Retention: rows older than {@code retention} are deleted, always an oldest-first prefix of ids, and the
 * store records the last id deleted. A resume after an id below that would lose messages, and so would one
 * after an id the store never handed out (e.g. from a wiped database): {@link #resumable} lets the transports
 * refuse it up front (SSE 410, WebSocket close code 4410), and a resume that finds its rows deleted while it
 * replays ends the connection before anything past the gap is sent, so the client's next resume is refused.
 *
 * <p>Delivery: a fixed pool of {@code syncline.stream.delivery-threads} drains the clients' queues, each
 * drain writing all of a client's pending frames at once. A client that stops reading blocks its write once
 * its socket buffer is full; a watchdog drops it after {@code syncline.stream.write-stall} and grows the
 * pool by one thread until the blocked write returns, so the other clients keep their threads.
 */
@Component
public class StreamHub implements SmartLifecycle {

    static final int PAGE_SIZE = 500;
    /** A client this many messages behind is cut off (see {@code syncline.stream.client-buffer}). */
    static final int CLIENT_BUFFER = 1000;

    private static final Logger log = LoggerFactory.getLogger(StreamHub.class);

    private final StreamStore store;
    private final StreamProperties properties;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService delivery;
    private final int clientBuffer;
    private Duration writeStall = StreamDeliveryProperties.defaults().writeStall();
    private Duration coalesceWindow = StreamDeliveryProperties.defaults().coalesceWindow();
    private final Object poolLock = new Object();

    private final Object lock = new Object();
    /** Guarded by {@code lock}; copy-on-write sets, as a subscription may close while being offered to. */
    private final Map<String, Set<StreamSubscription>> subscriptions = new HashMap<>();
    /** Guarded by {@code lock}: every message with {@code tailFloor < id <= lastSeenId}, oldest first. */
    private final ArrayDeque<StreamMessage> tail = new ArrayDeque<>();

    private long tailFloor;
    private volatile long lastSeenId;

    /** What the hub reports to the stream's meters; no-op until a monitor is set. */
    public interface Monitor {
        /** A message was written to a client; {@code live} when it was not a replay. */
        void delivered(StreamMessage message, boolean live);

        /** A client was cut off for falling behind. */
        void dropped();

        /** A client connected with an id to resume after. */
        void resumed();
    }

    private static final Monitor NO_MONITOR = new Monitor() {
        @Override
        public void delivered(StreamMessage message, boolean live) {}

        @Override
        public void dropped() {}

        @Override
        public void resumed() {}
    };

    private volatile Monitor monitor = NO_MONITOR;

    private final Object pollLock = new Object();
    private final AtomicBoolean nudged = new AtomicBoolean();
    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
    /** The next scheduled look for rows, and how long it waits: see {@link #scheduledPoll()}. */
    private volatile ScheduledFuture<?> pollTask;

    private volatile long pollDelay;
    private volatile boolean running;

    @Autowired
    public StreamHub(
            StreamStore store,
            StreamProperties properties,
            StreamAccessProperties access,
            StreamDeliveryProperties deliveryProperties) {
        this(
                store,
                properties,
                Clock.systemUTC(),
                Executors.newScheduledThreadPool(2, threads("stream-hub-")),
                fixedPool(deliveryProperties.deliveryThreads()),
                access.clientBuffer());
        this.writeStall = deliveryProperties.writeStall();
        this.coalesceWindow = deliveryProperties.coalesceWindow();
    }

    /** A fixed pool that {@link #writerBlocked()} can grow while threads are stuck in a client's write. */
    private static ThreadPoolExecutor fixedPool(int threads) {
        return new ThreadPoolExecutor(
                threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), threads("stream-delivery-"));
    }

    StreamHub(
            StreamStore store,
            StreamProperties properties,
            Clock clock,
            ScheduledExecutorService scheduler,
            ExecutorService delivery,
            int clientBuffer) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        this.scheduler = scheduler;
        this.delivery = delivery;
        this.clientBuffer = clientBuffer;
    }

    /**
     * Connects a client of the merchant to the topics; with {@code lastEventId} it first gets every
     * message after that id, then live messages. A {@code lastEventId} that is not {@link #resumable} ends the
     * subscription ({@link StreamSink#closeResumeExpired()}).
     */
    public StreamSubscription subscribe(String merchantId, Set<StreamTopic> topics, Long lastEventId, StreamSink sink) {
        return subscribe(merchantId, topics, lastEventId, sink, false);
    }

    /**
     * As {@link #subscribe(String, Set, Long, StreamSink)}; with {@code coalesce}, live {@code stock.changed}
     * messages of one SKU committed within {@link StreamSubscription#COALESCE_WINDOW} reach the client as
     * the newest one only.
     */
    public StreamSubscription subscribe(
            String merchantId, Set<StreamTopic> topics, Long lastEventId, StreamSink sink, boolean coalesce) {
        StreamSubscription subscription = new StreamSubscription(
                this,
                merchantId,
                topics,
                sink,
                coalesce
                        ? CompletableFuture.delayedExecutor(coalesceWindow.toMillis(), TimeUnit.MILLISECONDS, delivery)
                        : delivery,
                clientBuffer,
                coalesce);
        if (!running) {
            subscription.close();
            return subscription;
        }
        long newest;
        List<StreamMessage> fromTail = null;
        synchronized (lock) {
            subscriptions
                    .computeIfAbsent(merchantId, m -> new CopyOnWriteArraySet<>())
                    .add(subscription);
            newest = lastSeenId;
            if (lastEventId != null && lastEventId < newest && lastEventId >= tailFloor) {
                fromTail = tailAfter(lastEventId, subscription);
            }
        }
        if (lastEventId != null) {
            monitor.resumed();
        }
        List<StreamMessage> replay = fromTail;
        subscription.start(s -> resume(s, lastEventId, newest, replay));
        return subscription;
    }

    /**
     * Whether a client can resume after this id without losing messages: every stored message after it is
     * still kept (it is not older than the retention window) and the store has handed it out.
     */
    public boolean resumable(long lastEventId) {
        if (lastEventId < store.purgedUpTo()) {
            return false;
        }
        return lastEventId <= lastSeenId || lastEventId <= knownUpTo();
    }

    /**
     * Sends a live-only message (not stored, not replayed) to every subscription of the topic, built once
     * per connected merchant.
     */
    public void broadcast(StreamTopic topic, java.util.function.Function<String, StreamMessage> perMerchant) {
        synchronized (lock) {
            for (Map.Entry<String, Set<StreamSubscription>> merchant : subscriptions.entrySet()) {
                StreamMessage message = null;
                for (StreamSubscription subscription : merchant.getValue()) {
                    if (subscription.topics().contains(topic)) {
                        if (message == null) {
                            message = perMerchant.apply(merchant.getKey());
                        }
                        subscription.offerLiveOnly(message);
                    }
                }
            }
        }
    }

    /** Sends a live-only message (not stored, not replayed) to the merchant's subscriptions of its topic. */
    public void sendLiveOnly(StreamMessage message) {
        synchronized (lock) {
            for (StreamSubscription subscription : subscriptions.getOrDefault(message.merchantId(), Set.of())) {
                if (subscription.topics().contains(message.topic())) {
                    subscription.offerLiveOnly(message);
                }
            }
        }
    }

    /** New rows have been committed: poll now rather than at the next interval. */
    public void nudge() {
        if (running && nudged.compareAndSet(false, true)) {
            try {
                scheduler.execute(() -> {
                    nudged.set(false);
                    pollSafely();
                });
            } catch (RejectedExecutionException e) {
                // stopping: nobody is left to deliver to
                nudged.set(false);
            }
        }
    }

    /** Reports to these meters from now on. */
    public void monitor(Monitor monitor) {
        this.monitor = monitor;
    }

    Monitor monitor() {
        return monitor;
    }

    /** Subscriptions connected now. */
    public int subscriptionCount() {
        synchronized (lock) {
            return subscriptions.values().stream().mapToInt(Set::size).sum();
        }
    }

    /** The newest message id this instance has dispatched. */
    public long lastSeenId() {
        return lastSeenId;
    }

    void remove(StreamSubscription subscription) {
        synchronized (lock) {
            Set<StreamSubscription> ofMerchant = subscriptions.get(subscription.merchantId());
            if (ofMerchant != null && ofMerchant.remove(subscription) && ofMerchant.isEmpty()) {
                subscriptions.remove(subscription.merchantId());
            }
        }
    }

    /** Reads and dispatches every row committed since the last poll; answers how many there were. */
    int poll() {
        synchronized (pollLock) {
            int found = 0;
            List<StreamMessage> batch;
            do {
                batch = store.after(lastSeenId, PAGE_SIZE);
                dispatch(batch);
                found += batch.size();
            } while (batch.size() == PAGE_SIZE && running);
            return found;
        }
    }

    /** Sends a heartbeat to every subscription. */
    void heartbeat() {
        for (StreamSubscription subscription : snapshot()) {
            subscription.heartbeat();
        }
    }

    /** How long a write may block before its client is dropped; set before {@link #start()}. */
    void writeStall(Duration writeStall) {
        this.writeStall = writeStall;
    }

    /** How long a coalescing client's live messages wait; set before clients subscribe. */
    void coalesceWindow(Duration coalesceWindow) {
        this.coalesceWindow = coalesceWindow;
    }

    /** Drops the clients whose write has been blocked longer than the write stall. */
    void dropStalledWriters() {
        long stalledSince = System.nanoTime() - writeStall.toNanos();
        for (StreamSubscription subscription : snapshot()) {
            subscription.dropIfStalled(stalledSince);
        }
    }

    /** A delivery thread is stuck in a dropped client's write: another one stands in until it returns. */
    void writerBlocked() {
        // only a fixed pool (core = max) is grown; the check is under the lock that keeps core = max
        if (delivery instanceof ThreadPoolExecutor pool) {
            synchronized (poolLock) {
                if (pool.getCorePoolSize() == pool.getMaximumPoolSize()) {
                    pool.setMaximumPoolSize(pool.getMaximumPoolSize() + 1);
                    pool.setCorePoolSize(pool.getCorePoolSize() + 1);
                }
            }
        }
    }

    /** The stuck write of {@link #writerBlocked()} returned. */
    void writerReturned() {
        if (delivery instanceof ThreadPoolExecutor pool) {
            synchronized (poolLock) {
                if (pool.getCorePoolSize() == pool.getMaximumPoolSize() && pool.getCorePoolSize() > 1) {
                    pool.setCorePoolSize(pool.getCorePoolSize() - 1);
                    pool.setMaximumPoolSize(pool.getMaximumPoolSize() - 1);
                }
            }
        }
    }

    /** Deletes the rows older than the retention window. */
    void purge() {
        int deleted = store.deleteCreatedBefore(clock.instant().minus(properties.retention()));
        if (deleted > 0) {
            log.debug("Deleted {} stream messages older than {}", deleted, properties.retention());
        }
    }

    private void dispatch(List<StreamMessage> batch) {
        synchronized (lock) {
            for (StreamMessage message : batch) {
                if (message.id() <= lastSeenId) {
                    continue;
                }
                tail.addLast(message);
                if (tail.size() > properties.tailSize()) {
                    tailFloor = tail.removeFirst().id();
                }
                lastSeenId = message.id();
                Set<StreamSubscription> ofMerchant = subscriptions.get(message.merchantId());
                if (ofMerchant != null) {
                    for (StreamSubscription subscription : ofMerchant) {
                        subscription.offer(message);
                    }
                }
            }
        }
    }

    /** The subscription's messages in the tail after {@code afterId}, oldest first. Holds {@code lock}. */
    private List<StreamMessage> tailAfter(long afterId, StreamSubscription subscription) {
        List<StreamMessage> found = new ArrayList<>();
        Iterator<StreamMessage> newestFirst = tail.descendingIterator();
        while (newestFirst.hasNext()) {
            StreamMessage message = newestFirst.next();
            if (message.id() <= afterId) {
                break;
            }
            if (subscription.accepts(message)) {
                found.add(message);
            }
        }
        Collections.reverse(found);
        return found;
    }

    /** Runs on the subscription's first drain: brings the client from {@code lastEventId} up to {@code newest}. */
    private void resume(StreamSubscription subscription, Long lastEventId, long newest, List<StreamMessage> fromTail)
            throws Exception {
        if (lastEventId == null) {
            subscription.skipUpTo(newest);
            return;
        }
        subscription.skipUpTo(lastEventId);
        if (lastEventId >= newest) {
            // nothing this instance has seen is missing; an id the store never handed out cannot be resumed
            if (lastEventId > newest && lastEventId > knownUpTo()) {
                subscription.closeResumeExpired();
            }
            return;
        }
        if (fromTail != null) {
            for (StreamMessage message : fromTail) {
                subscription.deliver(message);
            }
            subscription.skipUpTo(newest);
            return;
        }
        long after = lastEventId;
        List<StreamMessage> page;
        do {
            page = store.forMerchant(subscription.merchantId(), subscription.topics(), after, newest, PAGE_SIZE);
            // read, then check: rows the retention job deleted before the read are missing from the page, and
            // a client that got messages past such a gap would resume after it; end the connection instead
            if (after < store.purgedUpTo()) {
                subscription.closeResumeExpired();
                return;
            }
            for (StreamMessage message : page) {
                subscription.deliver(message);
                after = message.id();
            }
        } while (page.size() == PAGE_SIZE && !subscription.isClosed());
        subscription.skipUpTo(newest);
    }

    /** The newest id the store has handed out, as far as it still knows. */
    private long knownUpTo() {
        return Math.max(store.newestId().orElse(0L), store.purgedUpTo());
    }

    private List<StreamSubscription> snapshot() {
        synchronized (lock) {
            return subscriptions.values().stream().flatMap(Set::stream).toList();
        }
    }

    @Override
    public void start() {
        long newest = knownUpTo();
        synchronized (lock) {
            lastSeenId = newest;
            tailFloor = newest;
        }
        running = true;
        Duration heartbeat = properties.heartbeat();
        Duration purgeEvery = purgeInterval(properties.retention());
        schedulePoll(properties.pollInterval().toMillis());
        tasks.add(scheduler.scheduleAtFixedRate(
                this::heartbeatSafely, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS));
        long stallCheck = Math.max(10, writeStall.toMillis() / 4);
        tasks.add(scheduler.scheduleWithFixedDelay(
                this::dropStalledWritersSafely, stallCheck, stallCheck, TimeUnit.MILLISECONDS));
        tasks.add(scheduler.scheduleWithFixedDelay(
                this::purgeSafely, purgeEvery.toMillis(), purgeEvery.toMillis(), TimeUnit.MILLISECONDS));
        log.info("Live stream hub started after message {}", newest);
    }

    /** Closes every connection first, so that a graceful shutdown does not wait for streams to end. */
    @Override
    public void stop() {
        running = false;
        tasks.forEach(task -> task.cancel(false));
        tasks.clear();
        ScheduledFuture<?> next = pollTask;
        if (next != null) {
            next.cancel(false);
        }
        snapshot().forEach(StreamSubscription::close);
        scheduler.shutdown();
        delivery.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** A tenth of the retention, between a second and an hour. */
    static Duration purgeInterval(Duration retention) {
        Duration tenth = retention.dividedBy(10);
        if (tenth.compareTo(Duration.ofSeconds(1)) < 0) {
            return Duration.ofSeconds(1);
        }
        return tenth.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : tenth;
    }

    // a scheduled task that throws is never run again: log and carry on instead

    /** Whether a look found rows; a failed look found none. */
    private boolean pollSafely() {
        try {
            return running && poll() > 0;
        } catch (RuntimeException e) {
            log.warn("Polling stream messages failed; retrying at the next interval", e);
            return false;
        }
    }

    /** Found rows: the next look comes at the poll interval again; found none: it waits twice as long, up to idle. */
    private void scheduledPoll() {
        long next = pollSafely()
                ? properties.pollInterval().toMillis()
                : Math.min(properties.idlePollInterval().toMillis(), pollDelay * 2);
        schedulePoll(next);
    }

    private void schedulePoll(long delayMillis) {
        pollDelay = delayMillis;
        try {
            if (running) {
                pollTask = scheduler.schedule(this::scheduledPoll, delayMillis, TimeUnit.MILLISECONDS);
            }
        } catch (RejectedExecutionException e) {
            // stopping: nobody is left to deliver to
        }
    }

    private void heartbeatSafely() {
        try {
            heartbeat();
        } catch (RuntimeException e) {
            log.warn("Sending stream heartbeats failed", e);
        }
    }

    private void dropStalledWritersSafely() {
        try {
            dropStalledWriters();
        } catch (RuntimeException e) {
            log.warn("Checking stream clients for blocked writes failed", e);
        }
    }

    private void purgeSafely() {
        try {
            purge();
        } catch (RuntimeException e) {
            log.warn("Deleting expired stream messages failed", e);
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
