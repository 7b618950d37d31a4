package io.syncline.api.orders;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands handled by the Order aggregate. */
public final class OrderCommands {

    private OrderCommands() {}

    /**
     * Places an order coming from a sales channel; refused as {@code DUPLICATE} (naming the existing
     * order) when the merchant already has an order for the same channel order.
     */
    public record PlaceOrder(
            @TargetAggregateIdentifier String orderId,
            String merchantId,
            String channel,
            String channelOrderId,
            List<OrderLine> lines,
            Instant channelPlacedAt) {

        /** An order without a channel's own time of placing (placed through the API). */
        public PlaceOrder(
                String orderId, String merchantId, String channel, String channelOrderId, List<OrderLine> lines) {
            this(orderId, merchantId, channel, channelOrderId, lines, null);
        }
    }

    /** Every line is reserved: the order can be fulfilled. */
    public record ConfirmOrder(@TargetAggregateIdentifier String orderId, String merchantId) {}

    /** The order cannot be fulfilled, for the given reason (e.g. {@code OUT_OF_STOCK:<sku>}). */
    public record RejectOrder(@TargetAggregateIdentifier String orderId, String merchantId, String reason) {}

    /** The merchant or the channel cancels the order; refused once shipped. */
    public record CancelOrder(@TargetAggregateIdentifier String orderId, String merchantId, String reason) {}

    /** The confirmed order left the warehouse. */
    public record ShipOrder(@TargetAggregateIdentifier String orderId, String merchantId) {}

    /**
     * The fulfilment of the order keeps failing (a command it sends does not take effect, however
     * often it is retried); {@code reason} says which and why. Reported once per stall.
     */
    public record ReportFulfilmentStall(@TargetAggregateIdentifier String orderId, String merchantId, String reason) {}

    /** The fulfilment of a stalled order made progress again. */
    public record ReportFulfilmentResumed(@TargetAggregateIdentifier String orderId, String merchantId) {}

    /** Lines are merged per SKU before reservation; kept here so every service merges alike. */
    public static List<OrderLine> mergedBySku(List<OrderLine> lines) {
        var totals = new java.util.LinkedHashMap<String, Integer>();
        lines.forEach(l -> totals.merge(l.sku(), l.quantity(), Integer::sum));
        return totals.entrySet().stream()
                .map(e -> new OrderLine(e.getKey(), e.getValue()))
                .toList();
    }
}
