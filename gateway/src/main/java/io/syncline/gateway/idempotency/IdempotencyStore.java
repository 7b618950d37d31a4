package io.syncline.gateway.idempotency;

import io.syncline.gateway.web.GatewayProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The records behind {@code Idempotency-Key}. A key is claimed by inserting an IN_PROGRESS record
 * (the primary key makes concurrent claims exclusive), completed with the response, or released
 * when the request failed on the server's side so that a retry runs again.
 */
@Component
public class IdempotencyStore {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyStore.class);
    private static final int CLAIM_ATTEMPTS = 3;

    private final IdempotencyRecordRepository records;
    private final TransactionTemplate tx;
    private final Duration ttl;
    private final Clock clock;

    @Autowired
    IdempotencyStore(
            IdempotencyRecordRepository records,
            PlatformTransactionManager transactions,
            GatewayProperties properties) {
        this(records, transactions, properties.idempotencyTtl(), Clock.systemUTC());
    }

    IdempotencyStore(
            IdempotencyRecordRepository records, PlatformTransactionManager transactions, Duration ttl, Clock clock) {
        this.records = records;
        this.tx = new TransactionTemplate(transactions);
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The decision for this request, and the record it replays when that is the decision. */
    public record Outcome(IdempotencyDecision decision, IdempotencyRecord record) {}

    public Outcome begin(String merchantId, String key, String requestHash) {
        IdempotencyRecord.Key id = new IdempotencyRecord.Key(merchantId, key);
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            IdempotencyRecord existing = tx.execute(s -> records.findById(id).orElse(null));
            IdempotencyDecision decision = IdempotencyDecision.decide(existing, requestHash, now, ttl);
            if (decision != IdempotencyDecision.CLAIM) {
                return new Outcome(decision, existing);
            }
            try {
                tx.executeWithoutResult(s -> {
                    if (existing != null) {
                        records.delete(existing);
                        records.flush();
                    }
                    records.saveAndFlush(IdempotencyRecord.started(merchantId, key, requestHash, now));
                });
                return new Outcome(IdempotencyDecision.CLAIM, null);
            } catch (DataIntegrityViolationException raced) {
                // another request claimed the key between our read and our insert: decide again
                log.debug("Idempotency key {} of {} claimed concurrently", key, merchantId);
            }
        }
        return new Outcome(IdempotencyDecision.IN_PROGRESS, null);
    }

    /** Remembers the response; one too large to keep releases the key instead. */
    public void complete(String merchantId, String key, int status, String location, String contentType, String body) {
        if (body != null && body.length() > IdempotencyRecord.MAX_BODY_CHARS) {
            release(merchantId, key);
            return;
        }
        IdempotencyRecord.Key id = new IdempotencyRecord.Key(merchantId, key);
        tx.executeWithoutResult(s -> records.findById(id)
                .filter(r -> r.state() == IdempotencyRecord.State.IN_PROGRESS)
                .ifPresent(r -> r.complete(status, location, contentType, body, clock.instant())));
    }

    /** Forgets a claim whose request failed, so that the client may retry it with the same key. */
    public void release(String merchantId, String key) {
        tx.executeWithoutResult(s -> records.deleteInState(merchantId, key, IdempotencyRecord.State.IN_PROGRESS));
    }

    /** Deletes the records older than {@code syncline.gateway.idempotency-ttl}. */
    @Scheduled(fixedDelay = 10, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    public int purgeExpired() {
        Integer deleted =
                tx.execute(s -> records.deleteCreatedBefore(clock.instant().minus(ttl)));
        if (deleted != null && deleted > 0) {
            log.debug("Deleted {} expired idempotency records", deleted);
        }
        return deleted == null ? 0 : deleted;
    }
}
