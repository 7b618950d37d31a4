package io.syncline.gateway.idempotency;

import java.time.Duration;
import java.time.Instant;

/** What to do with a request whose key is already on record. */
enum IdempotencyDecision {
    /** No live record: this request claims the key and runs. */
    CLAIM,
    /** Same request, answered before: send the first response again (same status, body, Location). */
    REPLAY,
    /** Same key, other request: 422. */
    MISMATCH,
    /** Same request, still running: 409. */
    IN_PROGRESS;

    /** A record still in progress after this long belongs to a request that died with its process. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);

    static IdempotencyDecision decide(IdempotencyRecord existing, String requestHash, Instant now, Duration ttl) {
        if (existing == null || existing.createdAt().plus(ttl).isBefore(now)) {
            return CLAIM;
        }
        boolean running = existing.state() == IdempotencyRecord.State.IN_PROGRESS;
        if (running && existing.createdAt().plus(ABANDONED_AFTER).isBefore(now)) {
            return CLAIM;
        }
        if (!existing.requestHash().equals(requestHash)) {
            return MISMATCH;
        }
        return running ? IN_PROGRESS : REPLAY;
    }
}
