package io.syncline.api.contract;

import io.syncline.api.channels.ChannelEvents.ChannelOrderRedelivered;
import io.syncline.api.channels.ChannelEvents.ChannelOrderStatusRefused;
import io.syncline.api.channels.ChannelEvents.ChannelQuantityReported;
import io.syncline.api.conflicts.ConflictEvents.ConflictDetected;
import io.syncline.api.conflicts.ConflictEvents.ConflictEscalated;
import io.syncline.api.conflicts.ConflictEvents.ConflictReportedAgain;
import io.syncline.api.conflicts.ConflictEvents.ConflictResolutionFailed;
import io.syncline.api.conflicts.ConflictEvents.ConflictResolutionStarted;
import io.syncline.api.conflicts.ConflictEvents.ConflictResolved;
import io.syncline.api.conflicts.ConflictEvents.ConflictRuleFailed;
import io.syncline.api.conflicts.ConflictEvents.ConflictRulesChanged;
import io.syncline.api.conflicts.ConflictKind;
import io.syncline.api.conflicts.ConflictRule;
import io.syncline.api.conflicts.Evidence;
import io.syncline.api.conflicts.Resolution;
import io.syncline.api.conflicts.RuleAction;
import io.syncline.api.conflicts.Side;
import io.syncline.api.inventory.InsightEvents.StockoutPredicted;
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
    static final String CONFLICT = "conflict-1";
    static final Instant LATER = Instant.parse("2026-01-02T03:09:05Z");

    /** The current revision of each event. */
    private static final Map<Class<?>, Object> CURRENT = byType(
            new OrderPlaced(
                    ORDER,
                    MERCHANT,
                    "web",
                    "1001",
                    List.of(new OrderLine(SKU, 2), new OrderLine("TEA", 1)),
                    AT,
                    Instant.parse("2026-01-02T03:04:00Z")),
            new OrderConfirmed(ORDER, MERCHANT),
            new OrderRejected(ORDER, MERCHANT, "OUT_OF_STOCK:MUG", "OUT_OF_STOCK", SKU),
            new OrderCancelled(ORDER, MERCHANT, "customer changed their mind", OrderStatus.CONFIRMED),
            new OrderShipped(ORDER, MERCHANT),
            new OrderFulfilmentStalled(ORDER, MERCHANT, "ReserveStock keeps failing: inventory unavailable", AT),
            new OrderFulfilmentResumed(ORDER, MERCHANT),
            new StockDefined(STOCK, MERCHANT, SKU, "Mug", 2),
            new StockDetailsChanged(STOCK, MERCHANT, SKU, "Red mug", 3),
            new StockCounted(STOCK, MERCHANT, SKU, 10, 12, 2),
            new StockAdjusted(STOCK, MERCHANT, SKU, -1, "damaged", 11, 2, "resolution-1"),
            new StockReserved(STOCK, MERCHANT, SKU, ORDER, 2, 12, 4),
            new StockReservationRejected(STOCK, MERCHANT, SKU, ORDER, 5, 3, RejectionReason.INSUFFICIENT_STOCK),
            new StockReleased(STOCK, MERCHANT, SKU, ORDER, 3, 12, 1),
            new StockReservationVoided(STOCK, MERCHANT, SKU, ORDER),
            new StockCommitted(STOCK, MERCHANT, SKU, ORDER, 2, 10, 0),
            new StockRanLow(STOCK, MERCHANT, SKU, 2, 3),
            new StockoutPredicted(MERCHANT, SKU, 12, 1.5, 1.1, 2.25, Instant.parse("2026-12-06T02:00:00Z"), 3),
            new ChannelQuantityReported(
                    MERCHANT,
                    "shop-1",
                    SKU,
                    "gid://shopify/InventoryItem/9007199254740993",
                    "gid://shopify/Location/655441491",
                    -2,
                    AT,
                    "3f1b5c9e-1d2a-4d8e-9c1f-2a7b8e6d4c3b",
                    "webhook",
                    5,
                    1,
                    4,
                    3,
                    Instant.parse("2026-01-02T03:04:01.250Z"),
                    Instant.parse("2026-01-02T03:04:01.480Z")),
            new ChannelOrderRedelivered(
                    MERCHANT,
                    "shop-1",
                    "5550001",
                    ORDER,
                    List.of(new OrderLine(SKU, 3)),
                    List.of(new OrderLine(SKU, 2), new OrderLine("TEA", 1)),
                    "9d2c1e3f-1a2b-4c5d-8e9f-0a1b2c3d4e5f",
                    AT),
            new ChannelOrderStatusRefused(
                    MERCHANT,
                    "shop-1",
                    "5550002",
                    ORDER,
                    OrderStatus.SHIPPED,
                    OrderStatus.CANCELLED,
                    "7e6d5c4b-3a29-4817-a6b5-c4d3e2f1a0b9",
                    AT),
            new ConflictDetected(
                    CONFLICT,
                    MERCHANT,
                    ConflictKind.STOCK_MISMATCH,
                    "shop-1",
                    SKU,
                    null,
                    Side.quantity(7),
                    Side.quantity(4),
                    new Evidence("webhook", "3f1b5c9e-1d2a-4d8e-9c1f-2a7b8e6d4c3b", AT, 1, 8, "the shop shows 4"),
                    LATER),
            new ConflictReportedAgain(
                    CONFLICT,
                    MERCHANT,
                    Side.quantity(7),
                    Side.quantity(3),
                    new Evidence("reconcile", null, LATER, 1, 8, "the shop shows 3"),
                    LATER,
                    "report-1"),
            new ConflictResolutionStarted(
                    CONFLICT,
                    MERCHANT,
                    "6a1f0c2e-8b4d-4f3a-9e7c-1d2b3a4c5e6f",
                    ConflictKind.STOCK_MISMATCH,
                    "shop-1",
                    SKU,
                    null,
                    Side.quantity(7),
                    Side.quantity(3),
                    Resolution.ACCEPT_THEIRS,
                    null,
                    "operator-1",
                    null,
                    "the shelf has 3 fewer",
                    LATER),
            new ConflictResolutionFailed(
                    CONFLICT,
                    MERCHANT,
                    "6a1f0c2e-8b4d-4f3a-9e7c-1d2b3a4c5e6f",
                    Resolution.ACCEPT_THEIRS,
                    "operator-1",
                    "CONFLICT",
                    "on-hand would be 2, below the 4 reserved",
                    LATER),
            new ConflictRuleFailed(
                    CONFLICT, MERCHANT, "STOCK_MISMATCH → ACCEPT_THEIRS", "on-hand would fall below reserved", LATER),
            new ConflictEscalated(CONFLICT, MERCHANT, ConflictKind.OVERSOLD, "shop-2", "TEA", ORDER, LATER),
            new ConflictResolved(
                    CONFLICT,
                    MERCHANT,
                    ConflictKind.STOCK_MISMATCH,
                    "shop-1",
                    SKU,
                    null,
                    Resolution.SET_VALUE,
                    9,
                    "operator-1",
                    null,
                    "counted the shelf",
                    10,
                    9,
                    "on-hand counted to 9; every channel of MUG pushed",
                    LATER),
            new ConflictRulesChanged(
                    MERCHANT,
                    List.of(
                            new ConflictRule(ConflictKind.STOCK_MISMATCH, 3, RuleAction.ACCEPT_THEIRS),
                            new ConflictRule(ConflictKind.STATUS_MISMATCH, null, RuleAction.OPEN)),
                    "admin-1",
                    LATER));

    /** What each older fixture ({@link EventFixture#path()}) reads as today, once upcast. */
    private static final Map<String, Object> UPCAST = Map.of(
            "events/conflicts/ConflictReportedAgain.json",
            new ConflictReportedAgain(
                    CONFLICT,
                    MERCHANT,
                    Side.quantity(7),
                    Side.quantity(3),
                    new Evidence("reconcile", null, LATER, 1, 8, "the shop shows 3"),
                    LATER,
                    null),
            "events/orders/OrderRejected.json",
            new OrderRejected(ORDER, MERCHANT, "OUT_OF_STOCK:MUG", "OUT_OF_STOCK", SKU),
            "events/channels/ChannelQuantityReported.json",
            new ChannelQuantityReported(
                    MERCHANT,
                    "shop-1",
                    SKU,
                    "gid://shopify/InventoryItem/9007199254740993",
                    "gid://shopify/Location/655441491",
                    -2,
                    AT,
                    "3f1b5c9e-1d2a-4d8e-9c1f-2a7b8e6d4c3b",
                    "webhook",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null),
            "events/channels/ChannelQuantityReported.rev-2.json",
            new ChannelQuantityReported(
                    MERCHANT,
                    "shop-1",
                    SKU,
                    "gid://shopify/InventoryItem/9007199254740993",
                    "gid://shopify/Location/655441491",
                    -2,
                    AT,
                    "3f1b5c9e-1d2a-4d8e-9c1f-2a7b8e6d4c3b",
                    "webhook",
                    5,
                    1,
                    4,
                    null,
                    null,
                    null),
            "events/inventory/StockAdjusted.json",
            new StockAdjusted(STOCK, MERCHANT, SKU, -1, "damaged", 11, 2),
            "events/orders/OrderPlaced.json",
            new OrderPlaced(
                    ORDER, MERCHANT, "web", "1001", List.of(new OrderLine(SKU, 2), new OrderLine("TEA", 1)), AT));

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
