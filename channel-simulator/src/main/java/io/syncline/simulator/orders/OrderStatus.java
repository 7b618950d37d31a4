package io.syncline.simulator.orders;

/** Where an order of a simulated shop stands. */
public enum OrderStatus {
    /** Paid and waiting to ship (TikTok Shop: {@code AWAITING_SHIPMENT}). */
    OPEN,
    /** Shipped (Shopify: fulfilled; TikTok Shop: {@code IN_TRANSIT}). */
    SHIPPED,
    /** Delivered to the buyer (TikTok Shop: {@code DELIVERED}). */
    DELIVERED,
    CANCELLED
}
