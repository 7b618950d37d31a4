package io.syncline.live.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connected client of the hub. Messages are queued by the hub's poller and written to the sink by one
 * drain at a time on the hub's few delivery threads; a drain writes everything pending in one
 * {@link StreamSink#sendAll} (one write, one flush), so the cost per client is per drain, not per message.
 * The first drain runs the resume (replay) before anything queued, and nothing at or below the last id sent
 * is written again. A client more than {@code capacity} items behind is cut off; it reconnects and resumes.
 *
 * <p>Writes block when the client's socket buffer is full. Each write records when it started; the hub's
 * watchdog drops a client whose write has been in flight too long ({@link #dropIfStalled}) and adds a
 * delivery thread until that write returns, so a client that stopped reading costs the others nothing. The
 * transport is closed by whoever holds it: the blocked writer when its write returns, else the closer.
 */
public final class StreamSubscription {

    private static final Logger log = LoggerFactory.getLogger(StreamSubscription.class);
    private static final Object HEARTBEAT = new Object();
    /** Frames written at once at most, so that one client's backlog does not become one huge write. */
    static final int MAX_BATCH = 256;

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
    /** {@link System#nanoTime()} when the write in flight started; 0 when none is. */
    private volatile long writingSince;

    private final AtomicBoolean sinkClosed = new AtomicBoolean();
    private final AtomicBoolean compensated = new AtomicBoolean();
    /** Why the transport is ended; set before {@code closed}, so that whoever closes the sink sees it. */
    private volatile Ending ending = Ending.NORMAL;
    /** Written only by the drain, which the {@code draining} flag hands from thread to thread. */
    private long lastSentId = Long.MIN_VALUE;

    StreamSubscription(
            StreamHub hub,
            String merchantId,
            Set<StreamTopic> topics,
            StreamSink sink,
            Executor executor,
            int capacity) {
        this(hub, merchantId, topics, sink, executor, capacity, false);
    }

    StreamSubscription(
            StreamHub hub,
            String merchantId,
            Set<StreamTopic> topics,
            StreamSink sink,
            Executor executor,
            int capacity,
            boolean coalesce) {
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

    /** Whether the message is for this client: its merchant, one of its topics. */
    boolean accepts(StreamMessage message) {
        return merchantId.equals(message.merchantId()) && topics.contains(message.topic());
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
                    executor.execute(() -> close(Ending.TOO_SLOW));
                } catch (RejectedExecutionException e) {
                    close(Ending.TOO_SLOW);
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

    private record LiveOnly(StreamMessage message) {}

    /** How the transport is ended. */
    private enum Ending {
        NORMAL,
        /** The client fell too far behind or stopped reading: it resumes by id. */
        TOO_SLOW,
        /** The client's resume point is no longer kept: it reloads and reconnects without one. */
        RESUME_EXPIRED
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
            write(message);
            lastSentId = message.id();
            hub.monitor().delivered(message, live);
        }
    }

    /**
     * Ends the subscription because the messages after its resume point are no longer all kept: the client
     * must reload its state and reconnect without a resume id. Drain thread only (no write is in flight).
     */
    void closeResumeExpired() {
        close(Ending.RESUME_EXPIRED);
    }

    private void write(StreamMessage message) throws Exception {
        writingSince = nonZero(System.nanoTime());
        try {
            sink.send(message);
        } finally {
            writingSince = 0;
            writerReturned();
            if (closed.get()) {
                closeSink();
            }
        }
    }

    /** Marks everything up to {@code id} as sent, so live messages up to it are skipped. Drain thread only. */
    void skipUpTo(long id) {
        lastSentId = Math.max(lastSentId, id);
    }

    /** Ends the subscription and its transport. */
    public void close() {
        close(Ending.NORMAL);
    }

    private void close(Ending why) {
        if (why != Ending.NORMAL && !closed.get()) {
            // before the flag: a writer that sees the subscription closed must see why
            ending = why;
        }
        if (closed.compareAndSet(false, true)) {
            hub.remove(this);
            queue.clear();
            if (why == Ending.TOO_SLOW) {
                hub.monitor().dropped();
            }
            // a write in flight owns the transport (closing it here would wait for the write): the writer
            // closes it when its write returns, and the hub lends the others a thread until then
            long since = writingSince;
            if (since == 0) {
                closeSink();
            } else if (compensated.compareAndSet(false, true)) {
                hub.writerBlocked();
                if (writingSince != since) {
                    writerReturned();
                }
            }
        }
    }

    private void closeSink() {
        if (sinkClosed.compareAndSet(false, true)) {
            try {
                switch (ending) {
                    case TOO_SLOW -> sink.closeTooSlow();
                    case RESUME_EXPIRED -> sink.closeResumeExpired();
                    default -> sink.close();
                }
            } catch (RuntimeException e) {
                log.debug("Closing a stream sink failed", e);
            }
        }
    }

    /**
     * Drops the client if a write has been blocked (its socket buffer full: it stopped reading) since before
     * {@code stalledSince}; returns whether it did. The blocked delivery thread closes the transport when the
     * write returns.
     */
    boolean dropIfStalled(long stalledSince) {
        long since = writingSince;
        if (since != 0 && since - stalledSince < 0 && !closed.get()) {
            log.info("Stream client of merchant {} stopped reading; closing it so that it resumes", merchantId);
            close(Ending.TOO_SLOW);
            return true;
        }
        return false;
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
            List<StreamMessage> batch = new ArrayList<>();
            while (!closed.get()) {
                batch.clear();
                boolean heartbeat = false;
                Object item;
                while (batch.size() < MAX_BATCH && (item = queue.poll()) != null) {
                    queued.decrementAndGet();
                    if (item == HEARTBEAT) {
                        heartbeat = true;
                    } else if (item instanceof LiveOnly live) {
                        batch.add(live.message());
                    } else {
                        StreamMessage message = (StreamMessage) item;
                        if (!superseded(message) && message.id() > lastSentId && accepts(message)) {
                            batch.add(message);
                            lastSentId = message.id();
                        }
                    }
                }
                if (batch.isEmpty() && !heartbeat) {
                    break;
                }
                write(batch, heartbeat);
            }
            if (overflowed) {
                log.info("Stream client of merchant {} fell too far behind; closing it so that it resumes", merchantId);
                close(Ending.TOO_SLOW);
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

    /** One write and one flush for everything pending; a heartbeat only when there is nothing else. */
    private void write(List<StreamMessage> batch, boolean heartbeat) throws Exception {
        writingSince = nonZero(System.nanoTime());
        try {
            if (!batch.isEmpty()) {
                sink.sendAll(batch);
            } else if (heartbeat) {
                sink.heartbeat();
            }
        } finally {
            writingSince = 0;
            writerReturned();
            if (closed.get()) {
                closeSink();
            }
        }
        for (StreamMessage message : batch) {
            hub.monitor().delivered(message, true);
        }
    }

    private void writerReturned() {
        if (compensated.getAndSet(false)) {
            hub.writerReturned();
        }
    }

    private static long nonZero(long nanos) {
        return nanos == 0 ? 1 : nanos;
    }
}
