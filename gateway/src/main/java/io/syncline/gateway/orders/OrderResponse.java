package io.syncline.gateway.orders;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.syncline.api.orders.OrderLine;
import io.syncline.api.orders.OrderQueries.OrderView;
import io.syncline.api.orders.OrderStatus;
import java.time.Instant;
import java.util.List;

/**
 * An order as the API shows it; {@code reason} says why it was rejected or cancelled. Only while its
 * fulfilment keeps failing does it carry {@code "stalled": true} and a {@code stallReason}.
 */
public record OrderResponse(
        String orderId,
        String channel,
        String channelOrderId,
        OrderStatus status,
        List<OrderLine> lines,
        String reason,
        Instant createdAt,
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean stalled,
        @JsonInclude(JsonInclude.Include.NON_NULL) String stallReason) {

    static OrderResponse of(OrderView v) {
        return new OrderResponse(
                v.orderId(),
                v.channel(),
                v.channelOrderId(),
                v.status(),
                v.lines(),
                v.reason(),
                v.createdAt(),
                v.updatedAt(),
                v.stalled(),
                v.stallReason());
    }
}
