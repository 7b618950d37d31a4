package io.syncline.gateway.stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One connected client of the hub. Messages are queued by the hub's poller and written to the sink by one
 * drain at a time on the delivery executor, so a slow client never holds up the others. The first drain
 * runs the resume (replay) before anything queued, and nothing at or below the last id sent is written
 * again. A client more than {@code capacity} items behind is cut off; it reconnects and resumes.
 */
public final class StreamSubscription {

    private static final Logger log = LoggerFactory.getLogger(StreamSubscription.class);
    private static final Object HEARTBEAT = new Object();
    /** How long a coalescing client's messages wait, so that a burst of stock changes collapses. */
    public static final Duration COALESCE_WINDOW = Duration.ofMillis(100);

    /** The resume a subscription runs on its first drain, before any live message. */
    @FunctionalInterface
    interface Resume {
        void run(StreamSubscription subscription) throws Exception;
    }

    private final StreamHub hub;
    private final String merchantId;
    private final Set<StreamTopic> topics;
    private final StreamSink sink;
    private final Executor executor;
    private final int capacity;

    private final Queue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean started;
    private volatile boolean overflowed;
    private volatile Resume resume;
    /** With coalescing: the newest queued {@code stock.changed} id of each SKU; older ones are skipped. */
    private final boolean coalesce;
    private final Map<String, Long> newestStockChange = new ConcurrentHashMap<>();
    /** Written only by the drain, which the {@code draining} flag hands from thread to thread. */
    private long lastSentId = Long.MIN_VALUE;

    StreamSubscription(StreamHub hub, String merchantId, Set<StreamTopic> topics, StreamSink sink,
                       Executor executor, int capacity) {
        this(hub, merchantId, topics, sink, executor, capacity, false);
    }

    StreamSubscription(StreamHub hub, String merchantId, Set<StreamTopic> topics, StreamSink sink,
                       Executor executor, int capacity, boolean coalesce) {
        this.coalesce = coalesce;
        this.hub = hub;
        this.merchantId = merchantId;
        this.topics = Set.copyOf(topics);
        this.sink = sink;
        this.executor = executor;
        this.capacity = capacity;
    }

    public String merchantId() {
        return merchantId;
    }

    public Set<StreamTopic> topics() {
        return topics;
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** Whether the message is for this client: its merchant, one of its topics (resets have none). */
    boolean accepts(StreamMessage message) {
        return merchantId.equals(message.merchantId())
                && (message.topic() == null || topics.contains(message.topic()));
    }

    /** Queues a live message; called by the hub in id order. */
    void offer(StreamMessage message) {
        if (closed.get() || !accepts(message)) {
            return;
        }
        if (queued.incrementAndGet() > capacity) {
            queued.decrementAndGet();
            if (!overflowed) {
                overflowed = true;
                // now, not after the drain: a drain blocked on a client that stopped reading may never end
                try {
                    executor.execute(() -> close(true));
                } catch (RejectedExecutionException e) {
                    close(true);
                }
            }
            return;
        }
        if (coalesce && message.coalescingKey() != null) {
            newestStockChange.merge(message.coalescingKey(), message.id(), Math::max);
        }
        queue.add(message);
        schedule();
    }

    /** A queued stock change that a newer one of the same SKU supersedes. Drain thread only. */
    private boolean superseded(StreamMessage message) {
        String key = coalesce ? message.coalescingKey() : null;
        if (key == null) {
            return false;
        }
        Long newest = newestStockChange.get(key);
        if (newest != null && newest > message.id()) {
            return true;
        }
        newestStockChange.remove(key, message.id());
        return false;
    }

    /** Queues a live-only message, which is sent whatever the ids sent before. */
    void offerLiveOnly(StreamMessage message) {
        if (closed.get() || !accepts(message)) {
            return;
        }
        if (queued.incrementAndGet() > capacity) {
            queued.decrementAndGet();
            return;
        }
        queue.add(new LiveOnly(message));
        schedule();
    }

    private record LiveOnly(StreamMessage message) {
    }

    /** Queues a heartbeat behind whatever is waiting. */
    void heartbeat() {
        if (closed.get()) {
            return;
        }
        queued.incrementAndGet();
        queue.add(HEARTBEAT);
        schedule();
    }

    /** Lets the queue drain, running the resume first. */
    void start(Resume resume) {
        this.resume = resume;
        this.started = true;
        schedule();
    }

    /** Writes a message unless the client has it already. Drain thread only. */
    void deliver(StreamMessage message) throws Exception {
        deliver(message, false);
    }

    private void deliver(StreamMessage message, boolean live) throws Exception {
        if (message.id() > lastSentId && accepts(message)) {
            sink.send(message);
            lastSentId = message.id();
            hub.monitor().delivered(message, live);
        }
    }

    /** Writes a reset and continues with the messages after {@code id}. Drain thread only. */
    void deliverReset(long id, String reason) throws Exception {
        sink.send(StreamMessage.reset(id, merchantId, reason));
        lastSentId = id;
    }

    /** Marks everything up to {@code id} as sent, so live messages up to it are skipped. Drain thread only. */
    void skipUpTo(long id) {
        lastSentId = Math.max(lastSentId, id);
    }

    /** Ends the subscription and its transport. */
    public void close() {
        close(false);
    }

    private void close(boolean tooSlow) {
        if (closed.compareAndSet(false, true)) {
            hub.remove(this);
            queue.clear();
            try {
                if (tooSlow) {
                    hub.monitor().dropped();
                    sink.closeTooSlow();
                } else {
                    sink.close();
                }
            } catch (RuntimeException e) {
                log.debug("Closing a stream sink failed", e);
            }
        }
    }

    /** The transport is gone already (the client disconnected): forget the subscription. */
    public void cancel() {
        if (closed.compareAndSet(false, true)) {
            hub.remove(this);
            queue.clear();
        }
    }

    private void schedule() {
        if (!started || closed.get() || !draining.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            draining.set(false);
            close();
        }
    }

    private void drain() {
        try {
            Resume pending = resume;
            if (pending != null) {
                resume = null;
                pending.run(this);
            }
            Object item;
            while (!closed.get() && (item = queue.poll()) != null) {
                queued.decrementAndGet();
                if (item == HEARTBEAT) {
                    sink.heartbeat();
                } else if (item instanceof LiveOnly live) {
                    sink.send(live.message());
                    hub.monitor().delivered(live.message(), true);
                } else {
                    StreamMessage message = (StreamMessage) item;
                    if (!superseded(message)) {
                        deliver(message, true);
                    }
                }
            }
            if (overflowed) {
                log.info("Stream client of merchant {} fell too far behind; closing it so that it resumes",
                        merchantId);
                close(true);
            }
        } catch (Exception e) {
            log.debug("Stream client of merchant {} is gone: {}", merchantId, e.toString());
            close();
        } finally {
            draining.set(false);
        }
        if (!closed.get() && !queue.isEmpty()) {
            schedule();
        }
    }
}
