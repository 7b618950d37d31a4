package io.syncline.gateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

class IdempotencyStoreTest {

    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");

    private final IdempotencyRecordRepository records = mock(IdempotencyRecordRepository.class);
    private final IdempotencyStore store =
            new IdempotencyStore(records, new NoTransactions(), Duration.ofHours(24), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void claimsByInsertingARecordInProgress() {
        when(records.findById(any())).thenReturn(Optional.empty());
        assertThat(store.begin("m1", "k", "h").decision()).isEqualTo(IdempotencyDecision.CLAIM);
        verify(records).saveAndFlush(any());
    }

    @Test
    void decidesAgainWhenAConcurrentRequestClaimedTheKeyFirst() {
        IdempotencyRecord winner = IdempotencyDecisionTest.running("h", NOW);
        when(records.findById(any())).thenReturn(Optional.empty(), Optional.of(winner));
        when(records.saveAndFlush(any())).thenThrow(new DataIntegrityViolationException("duplicate key"));
        assertThat(store.begin("m1", "k", "h").decision()).isEqualTo(IdempotencyDecision.IN_PROGRESS);
    }

    @Test
    void replaysWithoutWriting() {
        IdempotencyRecord done = IdempotencyDecisionTest.completed("h", NOW.minusSeconds(5));
        when(records.findById(any())).thenReturn(Optional.of(done));
        IdempotencyStore.Outcome outcome = store.begin("m1", "k", "h");
        assertThat(outcome.decision()).isEqualTo(IdempotencyDecision.REPLAY);
        assertThat(outcome.record().responseStatus()).isEqualTo(202);
        verify(records, never()).saveAndFlush(any());
    }

    @Test
    void completesOnlyARecordInProgress() {
        IdempotencyRecord running = IdempotencyDecisionTest.running("h", NOW);
        when(records.findById(any())).thenReturn(Optional.of(running));
        store.complete("m1", "k", 201, "/api/orders/1", "application/json", "{\"a\":1}");
        assertThat(running.state()).isEqualTo(IdempotencyRecord.State.COMPLETED);
        assertThat(running.responseLocation()).isEqualTo("/api/orders/1");
    }

    @Test
    void releasesInsteadOfKeepingAnOversizedResponse() {
        store.complete("m1", "k", 200, null, "application/json", "x".repeat(IdempotencyRecord.MAX_BODY_CHARS + 1));
        verify(records).deleteInState("m1", "k", IdempotencyRecord.State.IN_PROGRESS);
    }

    /** Runs the callbacks without a transaction. */
    private static final class NoTransactions extends AbstractPlatformTransactionManager {
        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, org.springframework.transaction.TransactionDefinition definition) {}

        @Override
        protected void doCommit(DefaultTransactionStatus status) {}

        @Override
        protected void doRollback(DefaultTransactionStatus status) {}
    }
}
