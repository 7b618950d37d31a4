package io.syncline.api.orders;

import java.time.Instant;
import java.util.List;

/** Events of the Order aggregate; each repeats the order id and merchant id. */
public final class OrderEvents {

    private OrderEvents() {
    }

    /** An order from a channel was accepted for fulfilment. */
    public record OrderPlaced(String orderId, String merchantId, String channel, String channelOrderId,
                              List<OrderLine> lines, Instant placedAt) {
    }

    /** Every line is reserved. */
    public record OrderConfirmed(String orderId, String merchantId) {
    }

    /** The order cannot be fulfilled; {@code reason} is e.g. {@code OUT_OF_STOCK:<sku>} or {@code TIMEOUT}. */
    public record OrderRejected(String orderId, String merchantId, String reason) {
    }

    /** The order was cancelled while {@code previousStatus}. */
    public record OrderCancelled(String orderId, String merchantId, String reason, OrderStatus previousStatus) {
    }

    /** The confirmed order was shipped. */
    public record OrderShipped(String orderId, String merchantId) {
    }

    /**
     * The order's fulfilment is stuck: a command it depends on keeps failing ({@code reason}). The order
     * keeps its status; the fulfilment goes on retrying and reports {@link OrderFulfilmentResumed} once
     * it moves again. Operators find such orders with {@code GET /api/orders?stalled=true}.
     */
    public record OrderFulfilmentStalled(String orderId, String merchantId, String reason, Instant stalledAt) {
    }

    /** The fulfilment of a stalled order moves again. */
    public record OrderFulfilmentResumed(String orderId, String merchantId) {
    }
}
