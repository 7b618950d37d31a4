package io.syncline.api.inventory;

import java.time.Instant;
import java.util.List;

/**
 * Queries on a SKU's past, answered from the stock's own events in the event store (never from a read
 * model), and the views they answer with. Both answer null for a SKU the merchant never had.
 */
public final class StockHistory {

    private StockHistory() {}

    /** The levels at {@code at} and the last {@code limit} changes up to it; answers {@link StockAt}. */
    public record FindStockAt(String merchantId, String sku, Instant at, int limit) {}

    /** Every change with {@code from <= at <= to}, oldest first, at most {@code limit}; answers {@link StockChanges}. */
    public record ListStockChanges(String merchantId, String sku, Instant from, Instant to, int limit) {}

    /**
     * One change of a SKU's levels and its cause. {@code delta} is the change of {@code available} (what the
     * channels are offered); the levels are those after the change. {@code orderId} and {@code channel} name the
     * order a reservation, release or shipment was for, {@code reason} an adjustment's reason, {@code conflictId}
     * the conflict whose resolution made the change and {@code user} who asked for it, each null where none.
     */
    public record StockChange(
            Instant at,
            long sequence,
            String type,
            int delta,
            int onHand,
            int reserved,
            int available,
            String orderId,
            String channel,
            String reason,
            String conflictId,
            String user) {}

    /** The levels at a moment (all zero before the SKU was defined) and the changes that led to them. */
    public record StockAt(
            String merchantId,
            String sku,
            Instant at,
            int onHand,
            int reserved,
            int available,
            List<StockChange> changes,
            boolean earlierChanges) {}

    /** The changes in a window; {@code truncated} when more happened in it than the limit. */
    public record StockChanges(
            String merchantId, String sku, Instant from, Instant to, List<StockChange> items, boolean truncated) {}
}
