package io.syncline.live.stream;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Ids of {@code health.changed} messages. Negative, so that they never look like stored message ids (SSE
 * sends them without {@code id:}), and unique across gateway instances and restarts, so that a WebSocket
 * client acknowledges the right one wherever it reconnects: each is the next value of the database sequence
 * {@code stream_health_ids}, negated. One value is taken ahead of need, so that a change is streamed at once
 * even when it is the database that went down; should none be at hand, the id comes from the clock
 * (milliseconds times 4096 plus a random 0..4095), far beyond any value the sequence reaches.
 */
@Component
public class HealthMessageIds {

    private static final Logger log = LoggerFactory.getLogger(HealthMessageIds.class);

    private final LongSupplier sequence;
    /** Guarded by {@code this}. */
    private Long reserved;

    @Autowired
    public HealthMessageIds(JdbcTemplate jdbc) {
        this(() -> jdbc.queryForObject("select nextval('stream_health_ids')", Long.class));
    }

    HealthMessageIds(LongSupplier sequence) {
        this.sequence = sequence;
    }

    /** The id of the next health message: negative. */
    public synchronized long next() {
        long value = reserved != null ? reserved : fromClock();
        reserved = null;
        return -value;
    }

    /** Takes the next sequence value ahead of need, unless one is at hand; none when the database fails. */
    public void reserve() {
        synchronized (this) {
            if (reserved != null) {
                return;
            }
        }
        long value;
        try {
            value = sequence.getAsLong();
        } catch (RuntimeException e) {
            log.warn("No health message id from the database ({}); the next one comes from the clock", e.toString());
            return;
        }
        synchronized (this) {
            if (reserved == null) {
                reserved = value;
            }
        }
    }

    private static long fromClock() {
        return System.currentTimeMillis() * 4096 + ThreadLocalRandom.current().nextInt(4096);
    }
}
