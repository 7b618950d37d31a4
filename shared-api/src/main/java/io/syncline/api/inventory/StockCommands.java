package io.syncline.api.inventory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands handled by the stock aggregate of one (merchant, SKU). */
public final class StockCommands {

    private StockCommands() {}

    /** Sets a counted on-hand; defines the stock when it does not exist yet (returns {@code true} then). */
    public record CountStock(
            @TargetAggregateIdentifier String stockId,
            String merchantId,
            String sku,
            String name,
            int onHand,
            int lowStockThreshold) {}

    /**
     * Changes on-hand by a signed delta for a stated reason (damage, return, restock, ...). With an
     * {@code adjustmentId}, the same adjustment sent again (after its sender's crash) has no second effect.
     */
    public record AdjustStock(
            @TargetAggregateIdentifier String stockId,
            String merchantId,
            String sku,
            int delta,
            String reason,
            String adjustmentId) {

        /** An adjustment that is not sent again (one per request). */
        public AdjustStock(String stockId, String merchantId, String sku, int delta, String reason) {
            this(stockId, merchantId, sku, delta, reason, null);
        }
    }

    /**
     * Reserves units for one order line; reserving the same order twice has one effect, also after its
     * reservation was released, committed or refused (the stock remembers its recently settled orders).
     * Refused with {@code RESERVATION_CLOSED} after a release voided it.
     */
    public record ReserveStock(
            @TargetAggregateIdentifier String stockId, String merchantId, String sku, String orderId, int quantity) {}

    /**
     * Releases whatever the order holds on this stock. When it holds nothing yet, voids the order's
     * reservation instead (it overtook it); a release of a released, committed or voided order is a no-op.
     */
    public record ReleaseStock(
            @TargetAggregateIdentifier String stockId, String merchantId, String sku, String orderId) {}

    /** Turns the order's reservation into a deduction of on-hand (the goods left the warehouse). */
    public record CommitStock(
            @TargetAggregateIdentifier String stockId, String merchantId, String sku, String orderId) {}
}
