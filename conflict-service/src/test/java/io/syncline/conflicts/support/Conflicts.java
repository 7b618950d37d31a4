package io.syncline.conflicts.support;

import io.syncline.api.conflicts.ConflictEvents.ConflictDetected;
import io.syncline.api.conflicts.ConflictKind;
import io.syncline.api.conflicts.Evidence;
import io.syncline.api.conflicts.Side;
import io.syncline.api.orders.OrderLine;
import io.syncline.conflicts.conflict.ConflictWork.DetectConflict;
import java.time.Instant;
import java.util.List;

/** Conflicts as detection opens them, for the tests of the conflict side. */
public final class Conflicts {

    public static final String MERCHANT = "m1";
    public static final String CHANNEL = "shopify-1";
    public static final String SKU = "MUG";
    public static final Instant DETECTED_AT = Instant.parse("2026-03-01T10:00:00Z");

    private Conflicts() {}

    /** The channel shows {@code theirs} of {@link #SKU} where we want {@code ours}. */
    public static DetectConflict stockMismatch(String conflictId, int ours, int theirs) {
        return detect(
                conflictId,
                ConflictKind.STOCK_MISMATCH,
                SKU,
                null,
                Side.quantity(ours),
                Side.quantity(theirs),
                new Evidence("webhook", "d-1", DETECTED_AT, 0, ours, "the channel shows " + theirs));
    }

    /** Order {@code orderId} sold {@code theirs} of {@link #SKU} with {@code ours} available. */
    public static DetectConflict oversold(String conflictId, String orderId, int ours, int theirs) {
        return detect(
                conflictId,
                ConflictKind.OVERSOLD,
                SKU,
                orderId,
                Side.quantity(ours),
                Side.quantity(theirs),
                new Evidence("order", null, DETECTED_AT, null, ours, "not enough " + SKU));
    }

    /** The channel moved order {@code orderId} to {@code theirs} where we have {@code ours}. */
    public static DetectConflict statusMismatch(String conflictId, String orderId, String ours, String theirs) {
        return detect(
                conflictId,
                ConflictKind.STATUS_MISMATCH,
                null,
                orderId,
                Side.status(ours),
                Side.status(theirs),
                new Evidence("webhook", "d-2", DETECTED_AT, null, null, "the channel says " + theirs));
    }

    /** Order {@code orderId} delivered again with other lines. */
    public static DetectConflict duplicateOrder(String conflictId, String orderId) {
        return detect(
                conflictId,
                ConflictKind.DUPLICATE_ORDER,
                null,
                orderId,
                Side.lines(List.of(new OrderLine(SKU, 1))),
                Side.lines(List.of(new OrderLine(SKU, 2))),
                new Evidence("webhook", "d-3", DETECTED_AT, null, null, "delivered again"));
    }

    /** The event {@code command} leads to. */
    public static ConflictDetected detected(DetectConflict command) {
        return new ConflictDetected(
                command.conflictId(),
                command.merchantId(),
                command.kind(),
                command.channel(),
                command.sku(),
                command.orderId(),
                command.ours(),
                command.theirs(),
                command.evidence(),
                command.detectedAt());
    }

    private static DetectConflict detect(
            String conflictId, ConflictKind kind, String sku, String orderId, Side ours, Side theirs, Evidence e) {
        return new DetectConflict(conflictId, MERCHANT, kind, CHANNEL, sku, orderId, ours, theirs, e, DETECTED_AT);
    }
}
