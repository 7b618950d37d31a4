package io.syncline.live.events;

/** Event type names: the browser stores and matches the payload's simple class name. */
final class EventTypes {

    private EventTypes() {}

    /** {@code io.syncline.api.orders.OrderEvents$OrderPlaced} and {@code OrderPlaced} both give {@code OrderPlaced}. */
    static String simpleName(String name) {
        int cut = Math.max(name.lastIndexOf('.'), name.lastIndexOf('$'));
        return name.substring(cut + 1);
    }
}
