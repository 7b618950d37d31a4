package io.syncline.gateway.orders;

import io.syncline.api.orders.OrderLine;
import io.syncline.api.orders.OrderQueries.OrderView;
import io.syncline.api.orders.OrderStatus;

import java.time.Instant;
import java.util.List;

/**
 * An order as the API shows it; {@code reason} says why it was rejected or cancelled; {@code stalled}
 * (with {@code stallReason}) while its fulfilment keeps failing and needs an operator's eye.
 */
public record OrderResponse(String orderId, String channel, String channelOrderId, OrderStatus status,
                            List<OrderLine> lines, String reason, Instant createdAt, Instant updatedAt,
                            boolean stalled, String stallReason) {

    static OrderResponse of(OrderView v) {
        return new OrderResponse(v.orderId(), v.channel(), v.channelOrderId(), v.status(), v.lines(), v.reason(),
                v.createdAt(), v.updatedAt(), v.stalled(), v.stallReason());
    }
}
