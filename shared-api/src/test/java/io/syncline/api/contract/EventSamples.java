package io.syncline.api.contract;

import io.syncline.api.channels.ChannelEvents.ChannelQuantityReported;
import io.syncline.api.inventory.StockEvents.RejectionReason;
import io.syncline.api.inventory.StockEvents.StockAdjusted;
import io.syncline.api.inventory.StockEvents.StockCommitted;
import io.syncline.api.inventory.StockEvents.StockCounted;
import io.syncline.api.inventory.StockEvents.StockDefined;
import io.syncline.api.inventory.StockEvents.StockDetailsChanged;
import io.syncline.api.inventory.StockEvents.StockRanLow;
import io.syncline.api.inventory.StockEvents.StockReleased;
import io.syncline.api.inventory.StockEvents.StockReservationRejected;
import io.syncline.api.inventory.StockEvents.StockReservationVoided;
import io.syncline.api.inventory.StockEvents.StockReserved;
import io.syncline.api.orders.OrderEvents.OrderCancelled;
import io.syncline.api.orders.OrderEvents.OrderConfirmed;
import io.syncline.api.orders.OrderEvents.OrderFulfilmentResumed;
import io.syncline.api.orders.OrderEvents.OrderFulfilmentStalled;
import io.syncline.api.orders.OrderEvents.OrderPlaced;
import io.syncline.api.orders.OrderEvents.OrderRejected;
import io.syncline.api.orders.OrderEvents.OrderShipped;
import io.syncline.api.orders.OrderLine;
import io.syncline.api.orders.OrderStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One instance of every event with fixed values: its fixture is this instance as it is stored. Values differ
 * within an event, so that two fields trading names show in the fixture.
 */
final class EventSamples {

    static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");
    static final String ORDER = "order-1";
    static final String MERCHANT = "merchant-1";
    static final String SKU = "MUG";
    static final String STOCK = MERCHANT + "/" + SKU;

    /** The current revision of each event. */
    private static final Map<Class<?>, Object> CURRENT = byType(
            new OrderPlaced(
                    ORDER, MERCHANT, "web", "1001", List.of(new OrderLine(SKU, 2), new OrderLine("TEA", 1)), AT),
            new OrderConfirmed(ORDER, MERCHANT),
            new OrderRejected(ORDER, MERCHANT, "OUT_OF_STOCK:MUG", "OUT_OF_STOCK", SKU),
            new OrderCancelled(ORDER, MERCHANT, "customer changed their mind", OrderStatus.CONFIRMED),
            new OrderShipped(ORDER, MERCHANT),
            new OrderFulfilmentStalled(ORDER, MERCHANT, "ReserveStock keeps failing: inventory unavailable", AT),
            new OrderFulfilmentResumed(ORDER, MERCHANT),
            new StockDefined(STOCK, MERCHANT, SKU, "Mug", 2),
            new StockDetailsChanged(STOCK, MERCHANT, SKU, "Red mug", 3),
            new StockCounted(STOCK, MERCHANT, SKU, 10, 12, 2),
            new StockAdjusted(STOCK, MERCHANT, SKU, -1, "damaged", 11, 2),
            new StockReserved(STOCK, MERCHANT, SKU, ORDER, 2, 12, 4),
            new StockReservationRejected(STOCK, MERCHANT, SKU, ORDER, 5, 3, RejectionReason.INSUFFICIENT_STOCK),
            new StockReleased(STOCK, MERCHANT, SKU, ORDER, 3, 12, 1),
            new StockReservationVoided(STOCK, MERCHANT, SKU, ORDER),
            new StockCommitted(STOCK, MERCHANT, SKU, ORDER, 2, 10, 0),
            new StockRanLow(STOCK, MERCHANT, SKU, 2, 3),
            new ChannelQuantityReported(
                    MERCHANT,
                    "shop-1",
                    SKU,
                    "gid://shopify/InventoryItem/9007199254740993",
                    "gid://shopify/Location/655441491",
                    -2,
                    AT,
                    "3f1b5c9e-1d2a-4d8e-9c1f-2a7b8e6d4c3b"));

    /** What each older fixture ({@link EventFixture#path()}) reads as today, once upcast. */
    private static final Map<String, Object> UPCAST = Map.of(
            "events/orders/OrderRejected.json",
            new OrderRejected(ORDER, MERCHANT, "OUT_OF_STOCK:MUG", "OUT_OF_STOCK", SKU));

    private EventSamples() {}

    /** The sample of {@code eventType}'s current revision. */
    static Optional<Object> current(Class<?> eventType) {
        return Optional.ofNullable(CURRENT.get(eventType));
    }

    /** The event an older fixture must read as. */
    static Optional<Object> upcastFrom(EventFixture olderFixture) {
        return Optional.ofNullable(UPCAST.get(olderFixture.path()));
    }

    private static Map<Class<?>, Object> byType(Object... samples) {
        Map<Class<?>, Object> byType = new LinkedHashMap<>();
        for (Object sample : samples) {
            if (byType.put(sample.getClass(), sample) != null) {
                throw new IllegalStateException(
                        "Two samples of " + sample.getClass().getName());
            }
        }
        return byType;
    }
}
