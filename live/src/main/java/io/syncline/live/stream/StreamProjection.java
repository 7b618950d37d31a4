package io.syncline.live.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.syncline.api.conflicts.ConflictEvents.ConflictDetected;
import io.syncline.api.conflicts.ConflictEvents.ConflictEscalated;
import io.syncline.api.conflicts.ConflictEvents.ConflictResolved;
import io.syncline.api.conflicts.ConflictKind;
import io.syncline.api.conflicts.Severity;
import io.syncline.api.conflicts.Side;
import io.syncline.api.inventory.InsightEvents.StockoutPredicted;
import io.syncline.api.inventory.StockEvents.StockAdjusted;
import io.syncline.api.inventory.StockEvents.StockCommitted;
import io.syncline.api.inventory.StockEvents.StockCounted;
import io.syncline.api.inventory.StockEvents.StockDefined;
import io.syncline.api.inventory.StockEvents.StockDetailsChanged;
import io.syncline.api.inventory.StockEvents.StockRanLow;
import io.syncline.api.inventory.StockEvents.StockReleased;
import io.syncline.api.inventory.StockEvents.StockReserved;
import io.syncline.api.orders.OrderEvents.OrderCancelled;
import io.syncline.api.orders.OrderEvents.OrderConfirmed;
import io.syncline.api.orders.OrderEvents.OrderPlaced;
import io.syncline.api.orders.OrderEvents.OrderRejected;
import io.syncline.api.orders.OrderEvents.OrderShipped;
import io.syncline.api.orders.OrderLine;
import io.syncline.api.orders.OrderStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Turns order, stock and conflict events into stored stream messages, then nudges the local hub once the batch has
 * committed. Runs in one processor (one segment keeps the event order across aggregates); the write lock
 * keeps ids in commit order whatever the processor's configuration. Events older than the retention window
 * (a first start, or a long outage) only update the stock details: nobody can resume to them any more.
 * Replaying would re-send history as new messages, hence {@link DisallowReplay}.
 */
@Component
@ProcessingGroup(StreamProjection.PROCESSING_GROUP)
@DisallowReplay
public class StreamProjection {

    static final String PROCESSING_GROUP = "live-stream";

    static final String ORDER_PLACED = "order.placed";
    static final String ORDER_CONFIRMED = "order.confirmed";
    static final String ORDER_REJECTED = "order.rejected";
    static final String ORDER_CANCELLED = "order.cancelled";
    static final String ORDER_SHIPPED = "order.shipped";
    static final String STOCK_CHANGED = "stock.changed";
    static final String STOCK_LOW = "stock.low";
    static final String STOCKOUT_PREDICTED = "stock.stockout-predicted";
    static final String CONFLICT_DETECTED = "conflict.detected";
    static final String CONFLICT_ESCALATED = "conflict.escalated";
    static final String CONFLICT_RESOLVED = "conflict.resolved";

    private static final String NUDGE_RESOURCE = StreamProjection.class.getName() + ".nudge";

    private final StreamMessageRepository messages;
    private final StreamStockRepository stocks;
    private final ObjectMapper json;
    private final StreamHub hub;
    private final Duration retention;
    private final Clock clock;

    @Autowired
    public StreamProjection(
            StreamMessageRepository messages,
            StreamStockRepository stocks,
            ObjectMapper json,
            StreamHub hub,
            StreamProperties properties) {
        this(messages, stocks, json, hub, properties, Clock.systemUTC());
    }

    StreamProjection(
            StreamMessageRepository messages,
            StreamStockRepository stocks,
            ObjectMapper json,
            StreamHub hub,
            StreamProperties properties,
            Clock clock) {
        this.messages = messages;
        this.stocks = stocks;
        this.json = json;
        this.hub = hub;
        this.retention = properties.retention();
        this.clock = clock;
    }

    @EventHandler
    void on(OrderPlaced event, @Timestamp Instant at) {
        Map<String, Object> data = order(event.merchantId(), event.orderId(), OrderStatus.PENDING);
        put(data, "channel", event.channel());
        put(data, "channelOrderId", event.channelOrderId());
        put(
                data,
                "lines",
                event.lines() == null
                        ? null
                        : event.lines().stream().map(StreamProjection::line).toList());
        append(event.merchantId(), StreamTopic.ORDERS, ORDER_PLACED, data, at);
    }

    @EventHandler
    void on(OrderConfirmed event, @Timestamp Instant at) {
        append(
                event.merchantId(),
                StreamTopic.ORDERS,
                ORDER_CONFIRMED,
                order(event.merchantId(), event.orderId(), OrderStatus.CONFIRMED),
                at);
    }

    @EventHandler
    void on(OrderRejected event, @Timestamp Instant at) {
        Map<String, Object> data = order(event.merchantId(), event.orderId(), OrderStatus.REJECTED);
        put(data, "reason", event.reason());
        append(event.merchantId(), StreamTopic.ORDERS, ORDER_REJECTED, data, at);
    }

    @EventHandler
    void on(OrderCancelled event, @Timestamp Instant at) {
        Map<String, Object> data = order(event.merchantId(), event.orderId(), OrderStatus.CANCELLED);
        put(data, "reason", event.reason());
        append(event.merchantId(), StreamTopic.ORDERS, ORDER_CANCELLED, data, at);
    }

    @EventHandler
    void on(OrderShipped event, @Timestamp Instant at) {
        append(
                event.merchantId(),
                StreamTopic.ORDERS,
                ORDER_SHIPPED,
                order(event.merchantId(), event.orderId(), OrderStatus.SHIPPED),
                at);
    }

    /** Only remembered: the count that always comes with a definition streams the first levels. */
    @EventHandler
    void on(StockDefined event) {
        StreamStock stock = stock(event.stockId(), event.merchantId(), event.sku());
        stock.details(event.name(), event.lowStockThreshold());
        stocks.save(stock);
    }

    @EventHandler
    void on(StockDetailsChanged event, @Timestamp Instant at) {
        StreamStock stock = stock(event.stockId(), event.merchantId(), event.sku());
        stock.details(event.name(), event.lowStockThreshold());
        stockChanged(stock, at);
    }

    @EventHandler
    void on(StockCounted event, @Timestamp Instant at) {
        levels(event.stockId(), event.merchantId(), event.sku(), event.onHand(), event.reserved(), at);
    }

    @EventHandler
    void on(StockAdjusted event, @Timestamp Instant at) {
        levels(event.stockId(), event.merchantId(), event.sku(), event.onHand(), event.reserved(), at);
    }

    @EventHandler
    void on(StockReserved event, @Timestamp Instant at) {
        levels(event.stockId(), event.merchantId(), event.sku(), event.onHand(), event.reserved(), at);
    }

    @EventHandler
    void on(StockReleased event, @Timestamp Instant at) {
        levels(event.stockId(), event.merchantId(), event.sku(), event.onHand(), event.reserved(), at);
    }

    @EventHandler
    void on(StockCommitted event, @Timestamp Instant at) {
        levels(event.stockId(), event.merchantId(), event.sku(), event.onHand(), event.reserved(), at);
    }

    @EventHandler
    void on(StockRanLow event, @Timestamp Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        put(data, "merchantId", event.merchantId());
        put(data, "sku", event.sku());
        put(data, "available", event.available());
        put(data, "lowStockThreshold", event.lowStockThreshold());
        append(event.merchantId(), StreamTopic.INVENTORY, STOCK_LOW, data, at);
    }

    @EventHandler
    void on(StockoutPredicted event, @Timestamp Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        put(data, "merchantId", event.merchantId());
        put(data, "sku", event.sku());
        put(data, "available", event.available());
        put(data, "daysOfCover", event.daysOfCover());
        put(data, "daysOfCoverLow", event.daysOfCoverLow());
        put(data, "daysOfCoverHigh", event.daysOfCoverHigh());
        put(
                data,
                "stockoutAt",
                event.stockoutAt() == null ? null : event.stockoutAt().toString());
        put(data, "coverAlertDays", event.coverAlertDays());
        append(event.merchantId(), StreamTopic.INVENTORY, STOCKOUT_PREDICTED, data, at);
    }

    // StockReservationRejected changes no levels: nothing to stream.

    @EventHandler
    void on(ConflictDetected event, @Timestamp Instant at) {
        Map<String, Object> data = conflict(
                event.merchantId(), event.conflictId(), event.kind(), event.channel(), event.sku(), event.orderId());
        put(data, "status", "OPEN");
        put(data, "severity", Severity.NORMAL.name());
        put(data, "ours", side(event.ours()));
        put(data, "theirs", side(event.theirs()));
        put(
                data,
                "detectedAt",
                event.detectedAt() == null ? null : event.detectedAt().toString());
        append(event.merchantId(), StreamTopic.CONFLICTS, CONFLICT_DETECTED, data, at);
    }

    @EventHandler
    void on(ConflictEscalated event, @Timestamp Instant at) {
        Map<String, Object> data = conflict(
                event.merchantId(), event.conflictId(), event.kind(), event.channel(), event.sku(), event.orderId());
        put(data, "status", "OPEN");
        put(data, "severity", Severity.HIGH.name());
        append(event.merchantId(), StreamTopic.CONFLICTS, CONFLICT_ESCALATED, data, at);
    }

    @EventHandler
    void on(ConflictResolved event, @Timestamp Instant at) {
        Map<String, Object> data = conflict(
                event.merchantId(), event.conflictId(), event.kind(), event.channel(), event.sku(), event.orderId());
        put(data, "status", "RESOLVED");
        put(
                data,
                "resolution",
                event.resolution() == null ? null : event.resolution().name());
        put(data, "value", event.value());
        put(data, "resolvedBy", event.resolvedBy());
        put(
                data,
                "resolvedAt",
                event.resolvedAt() == null ? null : event.resolvedAt().toString());
        append(event.merchantId(), StreamTopic.CONFLICTS, CONFLICT_RESOLVED, data, at);
    }

    private void levels(String stockId, String merchantId, String sku, int onHand, int reserved, Instant at) {
        StreamStock stock = stock(stockId, merchantId, sku);
        stock.levels(onHand, reserved);
        stockChanged(stock, at);
    }

    private StreamStock stock(String stockId, String merchantId, String sku) {
        return stocks.findById(stockId).orElseGet(() -> new StreamStock(stockId, merchantId, sku));
    }

    private void stockChanged(StreamStock stock, Instant at) {
        stocks.save(stock);
        Map<String, Object> data = new LinkedHashMap<>();
        put(data, "merchantId", stock.merchantId());
        put(data, "sku", stock.sku());
        put(data, "name", stock.name());
        put(data, "onHand", stock.onHand());
        put(data, "reserved", stock.reserved());
        put(data, "available", stock.available());
        put(data, "lowStockThreshold", stock.lowStockThreshold());
        put(data, "low", stock.low());
        append(stock.merchantId(), StreamTopic.INVENTORY, STOCK_CHANGED, data, at);
    }

    private static Map<String, Object> line(OrderLine line) {
        Map<String, Object> data = new LinkedHashMap<>();
        put(data, "sku", line.sku());
        put(data, "quantity", line.quantity());
        return data;
    }

    private static Map<String, Object> conflict(
            String merchantId, String conflictId, ConflictKind kind, String channel, String sku, String orderId) {
        Map<String, Object> data = new LinkedHashMap<>();
        put(data, "merchantId", merchantId);
        put(data, "conflictId", conflictId);
        put(data, "kind", kind == null ? null : kind.name());
        put(data, "channel", channel);
        put(data, "sku", sku);
        put(data, "orderId", orderId);
        return data;
    }

    /** A side as the conflicts API shows it: a quantity, a status or the lines. */
    private static Object side(Side side) {
        if (side == null) {
            return null;
        }
        if (side.quantity() != null) {
            return side.quantity();
        }
        if (side.status() != null) {
            return side.status();
        }
        return side.lines() == null
                ? null
                : side.lines().stream().map(StreamProjection::line).toList();
    }

    private static Map<String, Object> order(String merchantId, String orderId, OrderStatus status) {
        Map<String, Object> data = new LinkedHashMap<>();
        put(data, "merchantId", merchantId);
        put(data, "orderId", orderId);
        put(data, "status", status.name());
        return data;
    }

    /** Optional fields are left out rather than sent as null. */
    private static void put(Map<String, Object> data, String field, Object value) {
        if (value != null) {
            data.put(field, value);
        }
    }

    private void append(String merchantId, StreamTopic topic, String type, Map<String, Object> data, Instant at) {
        Instant now = clock.instant();
        if (at.isBefore(now.minus(retention))) {
            return;
        }
        put(data, "at", at.toString());
        String payload;
        try {
            payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode " + type + " for the stream", e);
        }
        messages.lockForWrite();
        messages.save(new StreamMessageRow(merchantId, topic, type, payload, now));
        nudgeAfterCommit();
    }

    /** Once per unit of work: the hub polls right after the commit instead of at its next interval. */
    private void nudgeAfterCommit() {
        if (!CurrentUnitOfWork.isStarted()) {
            hub.nudge();
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        root.getOrComputeResource(NUDGE_RESOURCE, key -> {
            root.afterCommit(u -> hub.nudge());
            return Boolean.TRUE;
        });
    }
}
