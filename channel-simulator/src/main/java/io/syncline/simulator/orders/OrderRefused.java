package io.syncline.simulator.orders;

/** An order move the shop does not make: too little stock, an unknown SKU, or an order in the wrong state. */
public final class OrderRefused extends RuntimeException {

    private final boolean notFound;

    public OrderRefused(String message) {
        this(message, false);
    }

    private OrderRefused(String message, boolean notFound) {
        super(message);
        this.notFound = notFound;
    }

    public static OrderRefused notFound(String message) {
        return new OrderRefused(message, true);
    }

    public boolean notFound() {
        return notFound;
    }
}
