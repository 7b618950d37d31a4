package io.syncline.inventory.insights;

import io.syncline.api.inventory.InsightEvents.StockoutPredicted;
import io.syncline.api.inventory.StockEvents.StockAdjusted;
import io.syncline.api.inventory.StockEvents.StockCommitted;
import io.syncline.api.inventory.StockEvents.StockCounted;
import io.syncline.api.inventory.StockEvents.StockDefined;
import io.syncline.api.inventory.StockEvents.StockReleased;
import io.syncline.api.inventory.StockEvents.StockReserved;
import io.syncline.api.orders.OrderEvents.OrderCancelled;
import io.syncline.api.orders.OrderEvents.OrderConfirmed;
import io.syncline.api.orders.OrderEvents.OrderPlaced;
import io.syncline.api.orders.OrderEvents.OrderRejected;
import io.syncline.api.orders.OrderEvents.OrderShipped;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.stereotype.Component;

/**
 * Keeps the insights' tables in step with the stock and order events: units sold are those of confirmed orders,
 * at the time the customer ordered, less those of orders cancelled later. Watches each SKU's days of cover as its
 * stock and sales move, and raises {@link StockoutPredicted} when it falls below the alert's days (once per
 * crossing, never on a replay nor for events older than {@code alerts-within}).
 */
@Component
@ProcessingGroup(SalesProjection.PROCESSING_GROUP)
class SalesProjection {

    static final String PROCESSING_GROUP = "insights";
    /** Sales are kept for the velocity's longest window, and a day more. */
    static final Duration RETENTION = Duration.ofDays(8);

    private final SalesBook book;
    private final SkuInsightsModel model;
    private final InsightsProperties properties;
    private final EventGateway events;

    SalesProjection(SalesBook book, SkuInsightsModel model, InsightsProperties properties, EventGateway events) {
        this.book = book;
        this.model = model;
        this.properties = properties;
        this.events = events;
    }

    @EventHandler
    void on(StockDefined e, @Timestamp Instant at) {
        book.defineSku(e.merchantId(), e.sku(), at);
    }

    @EventHandler
    void on(StockCounted e, @Timestamp Instant at, ReplayStatus replay) {
        levels(e.merchantId(), e.sku(), e.onHand(), e.reserved(), at, replay);
    }

    @EventHandler
    void on(StockAdjusted e, @Timestamp Instant at, ReplayStatus replay) {
        levels(e.merchantId(), e.sku(), e.onHand(), e.reserved(), at, replay);
    }

    @EventHandler
    void on(StockReleased e, @Timestamp Instant at, ReplayStatus replay) {
        levels(e.merchantId(), e.sku(), e.onHand(), e.reserved(), at, replay);
    }

    /** The order's confirmation follows and watches the cover with its sale counted. */
    @EventHandler
    void on(StockReserved e) {
        available(e.merchantId(), e.sku(), e.onHand(), e.reserved());
    }

    @EventHandler
    void on(StockCommitted e) {
        available(e.merchantId(), e.sku(), e.onHand(), e.reserved());
    }

    @EventHandler
    void on(OrderPlaced e) {
        Instant placedAt = e.channelPlacedAt() != null ? e.channelPlacedAt() : e.placedAt();
        book.placed(e.orderId(), e.merchantId(), e.channel(), placedAt, e.lines());
    }

    @EventHandler
    void on(OrderConfirmed e, @Timestamp Instant at, ReplayStatus replay) {
        book.order(e.orderId()).filter(o -> !o.confirmed()).ifPresent(order -> {
            book.sold(order);
            order.units().keySet().forEach(sku -> watch(order.merchantId(), sku, at, replay));
        });
    }

    @EventHandler
    void on(OrderCancelled e) {
        book.order(e.orderId()).ifPresent(order -> {
            if (order.confirmed()) {
                book.unsold(order);
            }
            book.settled(e.orderId());
        });
    }

    @EventHandler
    void on(OrderRejected e) {
        book.settled(e.orderId());
    }

    @EventHandler
    void on(OrderShipped e) {
        book.settled(e.orderId());
    }

    @ResetHandler
    void reset() {
        book.clear();
    }

    private void levels(String merchantId, String sku, int onHand, int reserved, Instant at, ReplayStatus replay) {
        available(merchantId, sku, onHand, reserved);
        watch(merchantId, sku, at, replay);
    }

    private void available(String merchantId, String sku, int onHand, int reserved) {
        book.available(merchantId, sku, Math.max(0, onHand - reserved));
    }

    /** Raises the alert when the cover falls below the alert's days, and lowers it once the cover is back above. */
    private void watch(String merchantId, String sku, Instant at, ReplayStatus replay) {
        book.sku(merchantId, sku).ifPresent(known -> {
            Demand demand = model.estimate(known, at).demand();
            Double cover = demand.cover(known.available());
            boolean below = cover != null && cover < properties.coverAlertDays();
            if (below == known.coverAlerted()) {
                return;
            }
            book.coverAlerted(merchantId, sku, below);
            boolean current = !at.isBefore(GenericEventMessage.clock.instant().minus(properties.alertsWithin()));
            if (below && !replay.isReplay() && current) {
                events.publish(new StockoutPredicted(
                        merchantId,
                        sku,
                        known.available(),
                        cover,
                        demand.coverLow(known.available()),
                        demand.coverHigh(known.available()),
                        demand.stockoutAt(at, known.available()),
                        properties.coverAlertDays()));
            }
        });
    }
}
