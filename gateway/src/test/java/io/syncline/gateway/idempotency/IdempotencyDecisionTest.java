package io.syncline.gateway.idempotency;

import static io.syncline.gateway.idempotency.IdempotencyDecision.CLAIM;
import static io.syncline.gateway.idempotency.IdempotencyDecision.IN_PROGRESS;
import static io.syncline.gateway.idempotency.IdempotencyDecision.MISMATCH;
import static io.syncline.gateway.idempotency.IdempotencyDecision.REPLAY;
import static io.syncline.gateway.idempotency.IdempotencyDecision.decide;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IdempotencyDecisionTest {

    private static final Duration TTL = Duration.ofHours(24);
    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");

    @Test
    void claimsAnUnusedKey() {
        assertThat(decide(null, "h", NOW, TTL)).isEqualTo(CLAIM);
    }

    @Test
    void replaysACompletedRequestWithTheSameBody() {
        assertThat(decide(completed("h", NOW.minusSeconds(60)), "h", NOW, TTL)).isEqualTo(REPLAY);
    }

    @Test
    void refusesAnotherBodyUnderTheSameKey() {
        assertThat(decide(completed("h", NOW.minusSeconds(60)), "other", NOW, TTL))
                .isEqualTo(MISMATCH);
        assertThat(decide(running("h", NOW.minusSeconds(1)), "other", NOW, TTL)).isEqualTo(MISMATCH);
    }

    @Test
    void refusesAReplayWhileTheFirstRuns() {
        assertThat(decide(running("h", NOW.minusSeconds(1)), "h", NOW, TTL)).isEqualTo(IN_PROGRESS);
    }

    @Test
    void forgetsExpiredRecordsAndAbandonedClaims() {
        assertThat(decide(completed("h", NOW.minus(TTL).minusSeconds(1)), "other", NOW, TTL))
                .isEqualTo(CLAIM);
        assertThat(decide(
                        running(
                                "h",
                                NOW.minus(IdempotencyDecision.ABANDONED_AFTER).minusSeconds(1)),
                        "h",
                        NOW,
                        TTL))
                .isEqualTo(CLAIM);
    }

    @Test
    void hashesMethodPathAndBody() {
        String hash = RequestHash.of("POST", "/api/orders", "{}".getBytes());
        assertThat(hash).hasSize(64).isEqualTo(RequestHash.of("POST", "/api/orders", "{}".getBytes()));
        assertThat(hash).isNotEqualTo(RequestHash.of("POST", "/api/orders", "{ }".getBytes()));
        assertThat(hash).isNotEqualTo(RequestHash.of("POST", "/api/orders/x/shipment", "{}".getBytes()));
        assertThat(hash).isNotEqualTo(RequestHash.of("PUT", "/api/orders", "{}".getBytes()));
    }

    static IdempotencyRecord running(String hash, Instant at) {
        return IdempotencyRecord.started("m1", "k", hash, at);
    }

    static IdempotencyRecord completed(String hash, Instant at) {
        IdempotencyRecord r = running(hash, at);
        r.complete(202, "/api/orders/1", "application/json", "{}", at);
        return r;
    }
}
