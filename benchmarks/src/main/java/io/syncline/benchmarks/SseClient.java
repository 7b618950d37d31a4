package io.syncline.benchmarks;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * One SSE connection's line reader: counts each complete {@code stock.changed} message and records its delivery
 * latency, the receive time minus the {@code at} of its data (the event's own time, same machine clock).
 */
final class SseClient {

    /** What all clients of a run report into. */
    static final class Stats {
        final LongAdder delivered = new LongAdder();
        final LongAdder unparsable = new LongAdder();
        /** The distinct events (by their {@code at}) the window's messages came from. */
        final Set<Long> events = ConcurrentHashMap.newKeySet();

        final AtomicInteger open = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        final ConcurrentHistogram latencyMicros = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);
        /** Only messages of events from this window count (epoch micros, end exclusive). */
        volatile long windowStartMicros = Long.MAX_VALUE;

        volatile long windowEndMicros = Long.MAX_VALUE;

        void window(long startMicros, long endMicros) {
            delivered.reset();
            unparsable.reset();
            events.clear();
            latencyMicros.reset();
            windowStartMicros = startMicros;
            windowEndMicros = endMicros;
        }
    }

    private static final String AT = "\"at\":\"";

    private final Stats stats;
    private String event;
    private String data;

    SseClient(Stats stats) {
        this.stats = stats;
    }

    /** The stream's response arrived (status 200). */
    void opened() {
        stats.open.incrementAndGet();
    }

    /** One line of the stream, without its line end. */
    void line(String line) {
        if (line.isEmpty()) {
            dispatch();
        } else if (line.startsWith("event:")) {
            event = line.substring(6).trim();
        } else if (line.startsWith("data:")) {
            data = line.substring(5);
        }
    }

    private void dispatch() {
        String type = event;
        String payload = data;
        event = null;
        data = null;
        if (!"stock.changed".equals(type) || payload == null) {
            return;
        }
        long receivedMicros = nowMicros();
        int start = payload.indexOf(AT);
        int end = start < 0 ? -1 : payload.indexOf('"', start + AT.length());
        if (end < 0) {
            stats.unparsable.increment();
            return;
        }
        try {
            Instant at = Instant.parse(payload.substring(start + AT.length(), end));
            long sentMicros = TimeUnit.SECONDS.toMicros(at.getEpochSecond()) + at.getNano() / 1_000;
            if (sentMicros < stats.windowStartMicros || sentMicros >= stats.windowEndMicros) {
                return;
            }
            stats.latencyMicros.recordValue(
                    Math.min(Math.max(0, receivedMicros - sentMicros), stats.latencyMicros.getHighestTrackableValue()));
            stats.delivered.increment();
            stats.events.add(sentMicros);
        } catch (DateTimeParseException e) {
            stats.unparsable.increment();
        }
    }

    static long nowMicros() {
        Instant now = Instant.now();
        return TimeUnit.SECONDS.toMicros(now.getEpochSecond()) + now.getNano() / 1_000;
    }

    /** The connection ended. */
    void closed() {
        stats.open.decrementAndGet();
        stats.closed.incrementAndGet();
    }
}
