package io.syncline.inventory.stock;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The orders whose reservation on one stock is settled (released, committed, voided or refused),
 * oldest first, so that a duplicate or late {@code ReserveStock} cannot take units again. Changed
 * only while applying events, so a rebuild from events or from a snapshot remembers the same.
 */
final class SettledOrders {

    /**
     * Bounded because the memory travels in every snapshot of the stock (about 50 bytes of JSON per
     * order); a late command comes within minutes, long before a SKU settles this many orders.
     */
    static final int CAPACITY = 1000;

    /** How an order's reservation was settled. */
    enum Settlement {
        RELEASED,
        COMMITTED,
        /** Released before any reservation arrived: a later one is refused. */
        VOIDED,
        /** The reservation was refused: a duplicate must not take units freed since. */
        REJECTED
    }

    private final LinkedHashMap<String, Settlement> orders;

    SettledOrders() {
        this(new LinkedHashMap<>());
    }

    /** From a snapshot: the JSON object keeps the insertion order, so the oldest still go first. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    SettledOrders(LinkedHashMap<String, Settlement> orders) {
        this.orders = orders;
    }

    @JsonValue
    Map<String, Settlement> orders() {
        return orders;
    }

    /** How the order was settled, or {@code null} when it is not (or no longer) remembered. */
    Settlement of(String orderId) {
        return orders.get(orderId);
    }

    void remember(String orderId, Settlement settlement) {
        orders.put(orderId, settlement);
        Iterator<String> oldest = orders.keySet().iterator();
        while (orders.size() > CAPACITY) {
            oldest.next();
            oldest.remove();
        }
    }
}
