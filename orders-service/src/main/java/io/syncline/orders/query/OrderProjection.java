package io.syncline.orders.query;

import io.syncline.api.orders.OrderEvents.OrderCancelled;
import io.syncline.api.orders.OrderEvents.OrderConfirmed;
import io.syncline.api.orders.OrderEvents.OrderFulfilmentResumed;
import io.syncline.api.orders.OrderEvents.OrderFulfilmentStalled;
import io.syncline.api.orders.OrderEvents.OrderPlaced;
import io.syncline.api.orders.OrderEvents.OrderRejected;
import io.syncline.api.orders.OrderEvents.OrderShipped;
import io.syncline.api.orders.OrderQueries.FindOrder;
import io.syncline.api.orders.OrderQueries.OrderView;
import io.syncline.api.orders.OrderStatus;
import java.time.Instant;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Projects the order events into {@code order_views}. Redelivered events are recognised by their
 * sequence number and skipped; every change is pushed to {@link FindOrder} subscribers.
 */
@Component
@ProcessingGroup(OrderProjection.PROCESSING_GROUP)
public class OrderProjection {

    public static final String PROCESSING_GROUP = "order-views";

    private static final Logger log = LoggerFactory.getLogger(OrderProjection.class);

    private final OrderSummaryRepository orders;
    private final QueryUpdateEmitter updates;

    public OrderProjection(OrderSummaryRepository orders, QueryUpdateEmitter updates) {
        this.orders = orders;
        this.updates = updates;
    }

    @EventHandler
    void on(OrderPlaced event, @SequenceNumber long sequenceNumber) {
        if (orders.existsById(event.orderId())) {
            return;
        }
        OrderSummary order = orders.save(new OrderSummary(
                event.orderId(),
                event.merchantId(),
                event.channel(),
                event.channelOrderId(),
                event.lines(),
                event.placedAt(),
                sequenceNumber));
        emit(order.toView());
    }

    @EventHandler
    void on(OrderConfirmed event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        change(event.orderId(), OrderStatus.CONFIRMED, null, sequenceNumber, at);
    }

    @EventHandler
    void on(OrderRejected event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        change(event.orderId(), OrderStatus.REJECTED, event.reason(), sequenceNumber, at);
    }

    @EventHandler
    void on(OrderCancelled event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        change(event.orderId(), OrderStatus.CANCELLED, event.reason(), sequenceNumber, at);
    }

    @EventHandler
    void on(OrderShipped event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        change(event.orderId(), OrderStatus.SHIPPED, null, sequenceNumber, at);
    }

    @EventHandler
    void on(OrderFulfilmentStalled event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        update(event.orderId(), sequenceNumber, order -> order.changeStall(true, event.reason(), sequenceNumber, at));
    }

    @EventHandler
    void on(OrderFulfilmentResumed event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        update(event.orderId(), sequenceNumber, order -> order.changeStall(false, null, sequenceNumber, at));
    }

    @ResetHandler
    void reset() {
        orders.deleteAllInBatch();
    }

    private void change(String orderId, OrderStatus status, String reason, long sequenceNumber, Instant at) {
        update(orderId, sequenceNumber, order -> order.changeStatus(status, reason, sequenceNumber, at));
    }

    private void update(String orderId, long sequenceNumber, Consumer<OrderSummary> change) {
        OrderSummary order = orders.findById(orderId).orElse(null);
        if (order == null) {
            // events of one order arrive in order, so only a lost OrderPlaced leads here
            log.warn("Order {} is not in the read model; its event {} is not projected", orderId, sequenceNumber);
            return;
        }
        if (order.hasSeen(sequenceNumber)) {
            return;
        }
        change.accept(order);
        emit(orders.save(order).toView());
    }

    private void emit(OrderView view) {
        updates.emit(
                FindOrder.class,
                query -> view.orderId().equals(query.orderId())
                        && view.merchantId().equals(query.merchantId()),
                view);
    }
}
