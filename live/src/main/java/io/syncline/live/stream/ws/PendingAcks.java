package io.syncline.live.stream.ws;

import io.syncline.live.stream.StreamMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Critical messages sent on WebSocket and not acknowledged yet, per user and merchant, in the database: they
 * outlive the connection and the gateway, so a client that reconnects to any gateway on the database, also
 * after a restart, gets them again until it acknowledges them or they are older than {@code ack-ttl}. Only
 * critical messages and acknowledgements reach the database; the stream's other messages never do.
 */
@Component
class PendingAcks {

    /** Message types that are redelivered until acknowledged. */
    static final Set<String> CRITICAL = Set.of("stock.low", "stock.stockout-predicted", "health.changed");

    private static final Logger log = LoggerFactory.getLogger(PendingAcks.class);

    /** Who is waiting: acknowledgements are per user and merchant, whichever connection they come from. */
    record Key(String userId, String merchantId) {}

    private final PendingAckRepository repository;
    private final AckProperties properties;
    private final Clock clock;

    @Autowired
    PendingAcks(PendingAckRepository repository, AckProperties properties) {
        this(repository, properties, Clock.systemUTC());
    }

    PendingAcks(PendingAckRepository repository, AckProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    static boolean isCritical(StreamMessage message) {
        return CRITICAL.contains(message.type());
    }

    /**
     * A critical message was sent: it waits for its ack (already waiting: it was sent again). Beyond
     * {@code ack-max-pending} for the key, the oldest are forgotten.
     */
    void sent(Key key, StreamMessage message) {
        Instant now = clock.instant();
        if (repository.insertIfAbsent(
                        key.userId(),
                        key.merchantId(),
                        message.id(),
                        message.topic().wireName(),
                        message.type(),
                        message.data(),
                        now)
                == 0) {
            repository.markSent(key.userId(), key.merchantId(), message.id(), now);
            return;
        }
        Long beyond = repository.findNewestBeyond(key.userId(), key.merchantId(), properties.ackMaxPending());
        if (beyond != null) {
            repository.deleteUpTo(key.userId(), key.merchantId(), beyond);
        }
    }

    /** The client has the message: stop redelivering it. */
    void ack(Key key, long id) {
        repository.acknowledge(key.userId(), key.merchantId(), id);
    }

    /**
     * The unexpired messages waiting for the key, oldest first, that were last sent at least
     * {@code notSince} ago; every one returned counts as sent now.
     */
    List<StreamMessage> due(Key key, Duration notSince) {
        Instant now = clock.instant();
        List<PendingAckRow> rows =
                repository.findDue(key.userId(), key.merchantId(), now.minus(properties.ackTtl()), now.minus(notSince));
        if (rows.isEmpty()) {
            return List.of();
        }
        repository.markSent(rows.stream().map(PendingAckRow::pendingId).toList(), now);
        return rows.stream().map(PendingAckRow::toMessage).toList();
    }

    /** The keys that {@link #due} would answer something for: one query for all connected clients. */
    Set<Key> dueKeys(Duration notSince) {
        Instant now = clock.instant();
        return repository.findDueKeys(now.minus(properties.ackTtl()), now.minus(notSince)).stream()
                .map(row -> new Key((String) row[0], (String) row[1]))
                .collect(Collectors.toSet());
    }

    /** Deletes the messages older than {@code ack-ttl}, which are no longer redelivered. */
    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    public int purgeExpired() {
        int deleted = repository.deleteExpired(clock.instant().minus(properties.ackTtl()));
        if (deleted > 0) {
            log.debug("Deleted {} unacknowledged stream messages older than {}", deleted, properties.ackTtl());
        }
        return deleted;
    }

    /** How many wait for the key. */
    long count(Key key) {
        return repository.countByUserIdAndMerchantId(key.userId(), key.merchantId());
    }
}
