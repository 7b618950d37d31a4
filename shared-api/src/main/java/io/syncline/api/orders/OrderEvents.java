package io.syncline.api.orders;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** Events of the Order aggregate; each repeats the order id and merchant id. */
public final class OrderEvents {

    private OrderEvents() {}

    /**
     * An order from a channel was accepted for fulfilment. Revision 2 added {@code channelPlacedAt}, when the channel
     * says the order was placed there (Shopify's {@code created_at}, TikTok Shop's {@code create_time}): null for an
     * order placed through the API, and for orders stored before.
     */
    @Revision("2")
    public record OrderPlaced(
            String orderId,
            String merchantId,
            String channel,
            String channelOrderId,
            List<OrderLine> lines,
            Instant placedAt,
            Instant channelPlacedAt) {

        /** An order without a channel's own time of placing. */
        public OrderPlaced(
                String orderId,
                String merchantId,
                String channel,
                String channelOrderId,
                List<OrderLine> lines,
                Instant placedAt) {
            this(orderId, merchantId, channel, channelOrderId, lines, placedAt, null);
        }
    }

    /** Every line is reserved. */
    public record OrderConfirmed(String orderId, String merchantId) {}

    /**
     * The order cannot be fulfilled. {@code reason} is as given, e.g. {@code OUT_OF_STOCK:<sku>} or
     * {@code TIMEOUT}; {@code reasonCode} is its code ({@code OUT_OF_STOCK}, {@code TIMEOUT}, ...;
     * {@code OTHER} for free text) and {@code sku} the SKU it names, or null (see {@link OrderRejectionReason}).
     * Revision 2 added {@code reasonCode} and {@code sku}; events stored without them are upcast to it.
     */
    @Revision("2")
    public record OrderRejected(String orderId, String merchantId, String reason, String reasonCode, String sku) {

        /** The event for a reason, with its code and SKU read from it. */
        public static OrderRejected of(String orderId, String merchantId, String reason) {
            OrderRejectionReason parts = OrderRejectionReason.parse(reason);
            return new OrderRejected(orderId, merchantId, reason, parts.code(), parts.sku());
        }
    }

    /** The order was cancelled while {@code previousStatus}. */
    public record OrderCancelled(String orderId, String merchantId, String reason, OrderStatus previousStatus) {}

    /** The confirmed order was shipped. */
    public record OrderShipped(String orderId, String merchantId) {}

    /**
     * The order's fulfilment is stuck: a command it depends on keeps failing ({@code reason}). The order
     * keeps its status; the fulfilment goes on retrying and reports {@link OrderFulfilmentResumed} once
     * it moves again. Operators find such orders with {@code GET /api/orders?stalled=true}.
     */
    public record OrderFulfilmentStalled(String orderId, String merchantId, String reason, Instant stalledAt) {}

    /** The fulfilment of a stalled order moves again. */
    public record OrderFulfilmentResumed(String orderId, String merchantId) {}
}
