package io.syncline.gateway.stream.ws;

import io.syncline.gateway.stream.StreamMessage;
import io.syncline.gateway.stream.StreamTopic;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class PendingAcksTest {

    private static final PendingAcks.Key ALICE = new PendingAcks.Key("alice", "m1");

    private final MovingClock clock = new MovingClock();
    private final PendingAcks acks = new PendingAcks(new AckProperties(Duration.ofSeconds(5), Duration.ofHours(1), 3),
            clock);

    @Test
    void redeliversWhatIsNotAcknowledgedOncePerInterval() {
        acks.sent(ALICE, low(1));
        acks.sent(ALICE, low(2));

        assertThat(acks.due(ALICE, Duration.ofSeconds(5))).isEmpty();
        clock.advance(Duration.ofSeconds(5));
        acks.ack(ALICE, 1);
        assertThat(acks.due(ALICE, Duration.ofSeconds(5))).extracting(StreamMessage::id).containsExactly(2L);
        assertThat(acks.due(ALICE, Duration.ofSeconds(5))).isEmpty();
        assertThat(acks.due(ALICE, Duration.ZERO)).extracting(StreamMessage::id).containsExactly(2L);
        assertThat(acks.due(new PendingAcks.Key("alice", "m2"), Duration.ZERO)).isEmpty();
    }

    @Test
    void keepsAtMostTheNewestLimitAndForgetsExpiredOnes() {
        for (long id = 1; id <= 5; id++) {
            acks.sent(ALICE, low(id));
        }
        assertThat(acks.count(ALICE)).isEqualTo(3);
        assertThat(acks.due(ALICE, Duration.ZERO)).extracting(StreamMessage::id).containsExactly(3L, 4L, 5L);

        clock.advance(Duration.ofHours(1));
        assertThat(acks.due(ALICE, Duration.ZERO)).isEmpty();
        assertThat(acks.count(ALICE)).isZero();
    }

    @Test
    void onlyLowStockAndHealthAreCritical() {
        assertThat(PendingAcks.isCritical(low(1))).isTrue();
        assertThat(PendingAcks.isCritical(new StreamMessage(1, "m1", StreamTopic.INVENTORY, "stock.changed", "{}",
                Instant.EPOCH))).isFalse();
    }

    private static StreamMessage low(long id) {
        return new StreamMessage(id, "m1", StreamTopic.INVENTORY, "stock.low", "{\"merchantId\":\"m1\"}", Instant.EPOCH);
    }

    private static final class MovingClock extends Clock {

        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
