package io.syncline.conflicts.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.syncline.api.channels.ChannelEvents.ChannelQuantityReported;
import io.syncline.api.conflicts.Side;
import io.syncline.api.inventory.StockEvents.StockAdjusted;
import io.syncline.conflicts.conflict.ConflictWork.DetectConflict;
import io.syncline.conflicts.support.ConflictsDatabase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The same migrations and statements on H2 in PostgreSQL mode, which the standalone runs on by default. */
class DetectionOnH2Test {

    @Test
    void detectsAndExplainsOnH2() {
        ConflictsDatabase db = ConflictsDatabase.h2();
        try (Detection detection = new Detection(db, Duration.ofMillis(200), true)) {
            detection.handle(report("shop-1", 3));
            detection.handle(new StockAdjusted("acme/MUG", "acme", "MUG", -2, "sale", 3, 0));
            detection.handle(report("shop-2", 9));

            await().atMost(Duration.ofSeconds(10)).until(() -> detection.pendingTimers() == 0);

            assertThat(detection.sent(DetectConflict.class)).singleElement().satisfies(d -> {
                assertThat(d.channel()).isEqualTo("shop-2");
                assertThat(d.theirs()).isEqualTo(Side.quantity(9));
            });
        }
    }

    private static ChannelQuantityReported report(String channel, int theirs) {
        return new ChannelQuantityReported(
                "acme",
                channel,
                "MUG",
                "item-1",
                null,
                theirs,
                Instant.now(),
                null,
                "reconcile",
                5,
                0,
                null,
                null,
                null,
                null);
    }
}
