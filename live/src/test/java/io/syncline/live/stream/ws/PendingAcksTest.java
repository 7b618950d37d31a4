package io.syncline.live.stream.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncline.live.stream.StreamJpaTestConfiguration;
import io.syncline.live.stream.StreamMessage;
import io.syncline.live.stream.StreamTopic;
import io.syncline.platform.test.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pending acknowledgements on the {@code stream_pending_acks} table, H2 in PostgreSQL mode (the subclass runs
 * them on PostgreSQL). Two {@link PendingAcks} on one database stand for two gateways, or one before and after
 * a restart: nothing is shared but the table.
 */
@DataJpaTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:acks-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "spring.datasource.username=sa",
            "spring.datasource.password=",
            "spring.flyway.locations=classpath:db/migration/live"
        })
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(classes = StreamJpaTestConfiguration.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class PendingAcksTest {

    private static final PendingAcks.Key ALICE = new PendingAcks.Key("alice", "m1");
    private static final AckProperties PROPERTIES = new AckProperties(Duration.ofSeconds(5), Duration.ofHours(1), 3);

    @Autowired
    PendingAckRepository repository;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private PendingAcks acks;

    @BeforeEach
    void emptyTable() {
        repository.deleteAllInBatch();
        acks = new PendingAcks(repository, PROPERTIES, clock);
    }

    @Test
    void redeliversWhatIsNotAcknowledgedOncePerInterval() {
        acks.sent(ALICE, low(1));
        acks.sent(ALICE, low(2));

        assertThat(acks.due(ALICE, Duration.ofSeconds(5))).isEmpty();
        clock.advance(Duration.ofSeconds(5));
        acks.ack(ALICE, 1);
        assertThat(acks.due(ALICE, Duration.ofSeconds(5)))
                .extracting(StreamMessage::id)
                .containsExactly(2L);
        assertThat(acks.due(ALICE, Duration.ofSeconds(5))).isEmpty();
        assertThat(acks.due(ALICE, Duration.ZERO)).extracting(StreamMessage::id).containsExactly(2L);
        assertThat(acks.due(new PendingAcks.Key("alice", "m2"), Duration.ZERO)).isEmpty();
        assertThat(acks.due(new PendingAcks.Key("bob", "m1"), Duration.ZERO)).isEmpty();
    }

    @Test
    void aMessageSentAgainWaitsAFullIntervalBeforeItsNextRedelivery() {
        acks.sent(ALICE, low(1));
        clock.advance(Duration.ofSeconds(4));
        acks.sent(ALICE, low(1));
        clock.advance(Duration.ofSeconds(4));

        assertThat(acks.due(ALICE, Duration.ofSeconds(5))).isEmpty();
        assertThat(acks.count(ALICE)).isEqualTo(1);
    }

    @Test
    void anotherGatewayOnTheDatabaseRedeliversTheMessageAsSent() {
        StreamMessage health = new StreamMessage(
                -7, "m1", StreamTopic.HEALTH, "health.changed", "{\"merchantId\":\"m1\",\"status\":\"DOWN\"}", null);
        acks.sent(ALICE, health);
        acks.sent(ALICE, low(3));

        PendingAcks restarted = new PendingAcks(repository, PROPERTIES, clock);
        assertThat(restarted.dueKeys(Duration.ZERO)).containsExactly(ALICE);
        assertThat(restarted.due(ALICE, Duration.ZERO))
                .satisfiesExactly(
                        m -> {
                            assertThat(m.id()).isEqualTo(-7);
                            assertThat(m.topic()).isEqualTo(StreamTopic.HEALTH);
                            assertThat(m.jsonFrame()).isEqualTo(health.jsonFrame());
                        },
                        m -> assertThat(m.jsonFrame()).isEqualTo(low(3).jsonFrame()));

        restarted.ack(ALICE, -7);
        assertThat(acks.due(ALICE, Duration.ZERO)).extracting(StreamMessage::id).containsExactly(3L);
    }

    @Test
    void keepsAtMostTheNewestLimitAndForgetsExpiredOnes() {
        for (long id = 1; id <= 5; id++) {
            acks.sent(ALICE, low(id));
        }
        acks.sent(new PendingAcks.Key("bob", "m1"), low(1));
        assertThat(acks.count(ALICE)).isEqualTo(3);
        assertThat(acks.due(ALICE, Duration.ZERO)).extracting(StreamMessage::id).containsExactly(3L, 4L, 5L);

        clock.advance(Duration.ofHours(1));
        assertThat(acks.due(ALICE, Duration.ZERO)).isEmpty();
        assertThat(acks.dueKeys(Duration.ZERO)).isEmpty();
        assertThat(acks.purgeExpired()).isEqualTo(4);
        assertThat(acks.count(ALICE)).isZero();
    }

    @Test
    void knowsWhoseMessagesAreDue() {
        acks.sent(ALICE, low(1));
        clock.advance(Duration.ofSeconds(3));
        acks.sent(new PendingAcks.Key("bob", "m2"), low(2));
        clock.advance(Duration.ofSeconds(2));

        assertThat(acks.dueKeys(Duration.ofSeconds(5))).containsExactly(ALICE);
        assertThat(acks.dueKeys(Duration.ZERO)).containsExactlyInAnyOrder(ALICE, new PendingAcks.Key("bob", "m2"));
    }

    @Test
    void onlyLowStockAndHealthAreCritical() {
        assertThat(PendingAcks.isCritical(low(1))).isTrue();
        assertThat(PendingAcks.isCritical(
                        new StreamMessage(1, "m1", StreamTopic.INVENTORY, "stock.changed", "{}", Instant.EPOCH)))
                .isFalse();
    }

    private static StreamMessage low(long id) {
        return new StreamMessage(
                id,
                "m1",
                StreamTopic.INVENTORY,
                "stock.low",
                "{\"merchantId\":\"m1\",\"sku\":\"S" + id + "\"}",
                Instant.EPOCH);
    }
}
