package io.syncline.conflicts.detection;

import io.syncline.api.conflicts.ConflictKind;
import io.syncline.api.conflicts.Evidence;
import io.syncline.api.conflicts.Side;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * A disagreement detection found. {@code conflictId} derives from the event that revealed it, so that the same event
 * handled twice finds the same conflict.
 */
record Finding(
        String conflictId,
        String merchantId,
        ConflictKind kind,
        String causeKey,
        String channel,
        String sku,
        String orderId,
        Side ours,
        Side theirs,
        Evidence evidence,
        Instant at) {

    static String conflictId(String eventId, ConflictKind kind) {
        return UUID.nameUUIDFromBytes((eventId + kind).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    static String stockKey(String channel, String sku) {
        return ConflictKind.STOCK_MISMATCH + "|" + channel + "|" + sku;
    }

    static String orderKey(ConflictKind kind, String orderId) {
        return kind + "|" + orderId;
    }
}
