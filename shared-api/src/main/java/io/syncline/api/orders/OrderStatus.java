package io.syncline.api.orders;

/** Life cycle: PENDING → CONFIRMED | REJECTED | CANCELLED; CONFIRMED → SHIPPED | CANCELLED. */
public enum OrderStatus {
    PENDING,
    CONFIRMED,
    REJECTED,
    CANCELLED,
    SHIPPED;

    /** Whether the fulfilment decision has been taken (no longer PENDING). */
    public boolean decided() {
        return this != PENDING;
    }
}
