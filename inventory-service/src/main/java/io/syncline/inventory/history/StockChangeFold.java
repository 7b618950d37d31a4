package io.syncline.inventory.history;

import io.syncline.api.inventory.StockEvents.StockAdjusted;
import io.syncline.api.inventory.StockEvents.StockCommitted;
import io.syncline.api.inventory.StockEvents.StockCounted;
import io.syncline.api.inventory.StockEvents.StockDefined;
import io.syncline.api.inventory.StockEvents.StockReleased;
import io.syncline.api.inventory.StockEvents.StockReserved;
import io.syncline.api.inventory.StockHistory.StockChange;
import io.syncline.platform.messaging.CorrelationAutoConfiguration;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;

/**
 * Replays one stock's events in order and turns each that moves its levels into a {@link StockChange} with its
 * cause. Every such event states the levels after it, so the replay needs no other state than the last levels.
 */
final class StockChangeFold {

    static final String CONFLICT_REASON = "conflict:";

    private int onHand;
    private int reserved;

    int onHand() {
        return onHand;
    }

    int reserved() {
        return reserved;
    }

    int available() {
        return available(onHand, reserved);
    }

    /**
     * The change {@code event} makes, after which the fold holds its levels; empty for events that move none. The
     * channel is left to {@link #withChannel}: only the changes shown need it.
     */
    Optional<StockChange> next(DomainEventMessage<?> event) {
        Object payload = event.getPayload();
        String orderId = null;
        String reason = null;
        int newOnHand;
        int newReserved;
        if (payload instanceof StockDefined) {
            newOnHand = 0;
            newReserved = 0;
        } else if (payload instanceof StockCounted e) {
            newOnHand = e.onHand();
            newReserved = e.reserved();
        } else if (payload instanceof StockAdjusted e) {
            newOnHand = e.onHand();
            newReserved = e.reserved();
            reason = e.reason();
        } else if (payload instanceof StockReserved e) {
            newOnHand = e.onHand();
            newReserved = e.reserved();
            orderId = e.orderId();
        } else if (payload instanceof StockReleased e) {
            newOnHand = e.onHand();
            newReserved = e.reserved();
            orderId = e.orderId();
        } else if (payload instanceof StockCommitted e) {
            newOnHand = e.onHand();
            newReserved = e.reserved();
            orderId = e.orderId();
        } else {
            return Optional.empty();
        }
        int delta = available(newOnHand, newReserved) - available();
        onHand = newOnHand;
        reserved = newReserved;
        MetaData metaData = event.getMetaData();
        return Optional.of(new StockChange(
                event.getTimestamp(),
                event.getSequenceNumber(),
                payload.getClass().getSimpleName(),
                delta,
                onHand,
                reserved,
                available(),
                orderId,
                null,
                reason,
                conflictOf(reason, metaData),
                text(metaData.get(CorrelationAutoConfiguration.USER_ID))));
    }

    /** The change with the channel of its order, as {@code channelOfOrder} names it (null when unknown). */
    static StockChange withChannel(StockChange change, Function<String, String> channelOfOrder) {
        if (change.orderId() == null) {
            return change;
        }
        return new StockChange(
                change.at(),
                change.sequence(),
                change.type(),
                change.delta(),
                change.onHand(),
                change.reserved(),
                change.available(),
                change.orderId(),
                channelOfOrder.apply(change.orderId()),
                change.reason(),
                change.conflictId(),
                change.user());
    }

    /** A resolution's adjustment names its conflict in the reason; its count only in the metadata. */
    private static String conflictOf(String reason, MetaData metaData) {
        if (reason != null && reason.startsWith(CONFLICT_REASON)) {
            return reason.substring(CONFLICT_REASON.length());
        }
        return text(metaData.get(CorrelationAutoConfiguration.CONFLICT_ID));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static int available(int onHand, int reserved) {
        return Math.max(0, onHand - reserved);
    }
}
