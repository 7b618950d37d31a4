package io.syncline.api.inventory;

import org.axonframework.serialization.Revision;

/**
 * Events of the stock aggregate. Each repeats the aggregate id, merchant and SKU, and the
 * levels after the change, so that read models and streams need no other state.
 */
public final class StockEvents {

    private StockEvents() {}

    /** A SKU became known to the merchant's inventory. */
    public record StockDefined(String stockId, String merchantId, String sku, String name, int lowStockThreshold) {}

    /** Name or low-stock threshold changed. */
    public record StockDetailsChanged(
            String stockId, String merchantId, String sku, String name, int lowStockThreshold) {}

    /** On-hand was set by a count. */
    public record StockCounted(
            String stockId, String merchantId, String sku, int previousOnHand, int onHand, int reserved) {}

    /**
     * On-hand changed by a delta for a reason. Revision 2 added {@code adjustmentId}, the sender's key of the
     * adjustment (null when it gave none, and for events stored before).
     */
    @Revision("2")
    public record StockAdjusted(
            String stockId,
            String merchantId,
            String sku,
            int delta,
            String reason,
            int onHand,
            int reserved,
            String adjustmentId) {

        /** An adjustment without a key of its sender's. */
        public StockAdjusted(
                String stockId, String merchantId, String sku, int delta, String reason, int onHand, int reserved) {
            this(stockId, merchantId, sku, delta, reason, onHand, reserved, null);
        }
    }

    /** Units were reserved for an order. */
    public record StockReserved(
            String stockId, String merchantId, String sku, String orderId, int quantity, int onHand, int reserved) {}

    /** A reservation could not be covered; nothing changed. */
    public record StockReservationRejected(
            String stockId,
            String merchantId,
            String sku,
            String orderId,
            int quantity,
            int available,
            RejectionReason reason) {}

    /** An order's reservation was given back. */
    public record StockReleased(
            String stockId, String merchantId, String sku, String orderId, int quantity, int onHand, int reserved) {}

    /** A release overtook its reservation; a later reservation of that order is refused. */
    public record StockReservationVoided(String stockId, String merchantId, String sku, String orderId) {}

    /** An order's reservation left the warehouse: on-hand and reserved both went down. */
    public record StockCommitted(
            String stockId, String merchantId, String sku, String orderId, int quantity, int onHand, int reserved) {}

    /** Available stock crossed the low-stock threshold downwards (once per crossing). */
    public record StockRanLow(String stockId, String merchantId, String sku, int available, int lowStockThreshold) {}

    /** Why a reservation was refused. */
    public enum RejectionReason {
        /** Fewer units available than asked for. */
        INSUFFICIENT_STOCK,
        /** The merchant has no such SKU. */
        UNKNOWN_SKU,
        /** The order's reservation was voided: its release arrived first. */
        RESERVATION_CLOSED
    }
}
