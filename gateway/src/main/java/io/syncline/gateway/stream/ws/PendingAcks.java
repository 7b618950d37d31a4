package io.syncline.gateway.stream.ws;

import io.syncline.gateway.stream.StreamMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Critical messages sent on WebSocket and not acknowledged yet, per user and merchant, in this instance's
 * memory: they outlive a connection, so a client that reconnects (to this instance) gets them again.
 */
@Component
class PendingAcks {

    /** Message types that are redelivered until acknowledged. */
    static final Set<String> CRITICAL = Set.of("stock.low", "health.changed");

    /** Who is waiting: acknowledgements are per user and merchant, whichever connection they come from. */
    record Key(String userId, String merchantId) {
    }

    private static final class Pending {
        final StreamMessage message;
        final Instant firstSent;
        Instant lastSent;

        Pending(StreamMessage message, Instant sent) {
            this.message = message;
            this.firstSent = sent;
            this.lastSent = sent;
        }
    }

    private final AckProperties properties;
    private final Clock clock;
    /** Each map guarded by itself; insertion order is id order, oldest first. */
    private final Map<Key, LinkedHashMap<Long, Pending>> pending = new ConcurrentHashMap<>();

    @Autowired
    PendingAcks(AckProperties properties) {
        this(properties, Clock.systemUTC());
    }

    PendingAcks(AckProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    static boolean isCritical(StreamMessage message) {
        return CRITICAL.contains(message.type());
    }

    /** A critical message was sent: it waits for its ack (already waiting: it was sent again). */
    void sent(Key key, StreamMessage message) {
        LinkedHashMap<Long, Pending> ofKey = pending.computeIfAbsent(key, k -> new LinkedHashMap<>());
        synchronized (ofKey) {
            Pending existing = ofKey.get(message.id());
            if (existing != null) {
                existing.lastSent = clock.instant();
                return;
            }
            ofKey.put(message.id(), new Pending(message, clock.instant()));
            Iterator<Long> oldest = ofKey.keySet().iterator();
            while (ofKey.size() > properties.ackMaxPending()) {
                oldest.next();
                oldest.remove();
            }
        }
    }

    /** The client has the message: stop redelivering it. */
    void ack(Key key, long id) {
        LinkedHashMap<Long, Pending> ofKey = pending.get(key);
        if (ofKey != null) {
            synchronized (ofKey) {
                ofKey.remove(id);
            }
        }
    }

    /**
     * The unexpired messages waiting for the key, oldest first, that were last sent at least
     * {@code notSince} ago; every one returned counts as sent now.
     */
    List<StreamMessage> due(Key key, Duration notSince) {
        LinkedHashMap<Long, Pending> ofKey = pending.get(key);
        if (ofKey == null) {
            return List.of();
        }
        Instant now = clock.instant();
        Instant expired = now.minus(properties.ackTtl());
        Instant before = now.minus(notSince);
        List<StreamMessage> due = new ArrayList<>();
        synchronized (ofKey) {
            Iterator<Pending> all = ofKey.values().iterator();
            while (all.hasNext()) {
                Pending p = all.next();
                if (!p.firstSent.isAfter(expired)) {
                    all.remove();
                } else if (!p.lastSent.isAfter(before)) {
                    p.lastSent = now;
                    due.add(p.message);
                }
            }
        }
        return due;
    }

    /** How many wait for the key. */
    int count(Key key) {
        LinkedHashMap<Long, Pending> ofKey = pending.get(key);
        if (ofKey == null) {
            return 0;
        }
        synchronized (ofKey) {
            return ofKey.size();
        }
    }
}
