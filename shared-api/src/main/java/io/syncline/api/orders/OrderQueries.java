package io.syncline.api.orders;

import java.time.Instant;
import java.util.List;

/** Queries on the order read model and the views they answer with. */
public final class OrderQueries {

    private OrderQueries() {}

    /**
     * One order of the merchant; answers an optional {@link OrderView}. Subscribable: ask for the initial
     * result as an instance, null when none, since an optional one arrives untyped across Axon Server.
     */
    public record FindOrder(String merchantId, String orderId) {}

    /** The merchant's order for a channel order, if any; answers an optional {@link OrderView}. */
    public record FindOrderByChannelOrder(String merchantId, String channel, String channelOrderId) {}

    /**
     * A page of the merchant's orders, newest first, optionally of one status and, with
     * {@code stalledOnly}, only those whose fulfilment is stalled.
     */
    public record ListOrders(String merchantId, OrderStatus status, int page, int size, boolean stalledOnly) {

        public ListOrders(String merchantId, OrderStatus status, int page, int size) {
            this(merchantId, status, page, size, false);
        }
    }

    /**
     * An order as the read model knows it; {@code stalled} while its fulfilment keeps failing, with
     * {@code stallReason} saying what fails.
     */
    public record OrderView(
            String orderId,
            String merchantId,
            String channel,
            String channelOrderId,
            OrderStatus status,
            List<OrderLine> lines,
            String reason,
            Instant createdAt,
            Instant updatedAt,
            boolean stalled,
            String stallReason) {

        /** An order that is not stalled. */
        public OrderView(
                String orderId,
                String merchantId,
                String channel,
                String channelOrderId,
                OrderStatus status,
                List<OrderLine> lines,
                String reason,
                Instant createdAt,
                Instant updatedAt) {
            this(
                    orderId,
                    merchantId,
                    channel,
                    channelOrderId,
                    status,
                    lines,
                    reason,
                    createdAt,
                    updatedAt,
                    false,
                    null);
        }
    }

    /** A page of order views. */
    public record OrderPage(List<OrderView> items, int page, int size, long total) {}
}
