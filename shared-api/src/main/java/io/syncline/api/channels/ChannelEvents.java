package io.syncline.api.channels;

import io.syncline.api.orders.OrderLine;
import io.syncline.api.orders.OrderStatus;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** Events of the merchants' sales channels: facts the channels reported, as Syncline received them. */
public final class ChannelEvents {

    private ChannelEvents() {}

    /**
     * A channel showed how many units it has for one of our listings, and it is not what we believed it shows:
     * it said so (Shopify's {@code inventory_levels/update}), or Syncline read it (a push found stale,
     * reconciliation). Ids are the platform's, kept exactly as strings. Revision 2 added what we wanted the
     * listing to show at that moment, so that a disagreement is judged against our books as they were then;
     * revision 3 what we believed it showed before, so that the channel's own sales since can explain it.
     *
     * @param channelItemId   the channel's item (e.g. {@code gid://shopify/InventoryItem/…})
     * @param locationId      the channel's location or warehouse; null when it has none
     * @param channelQuantity what the channel shows; negative when the channel oversold
     * @param reportedAt      when the channel says the quantity changed
     * @param deliveryId      the webhook delivery that carried the report; null when Syncline read it
     * @param source          {@code webhook}, {@code push} (a push found the channel changed) or {@code reconcile};
     *                        {@code read} for reports stored before revision 2 that Syncline read
     * @param wanted          max(0, available − buffer) when the report was taken; null when not known yet
     * @param buffer          the listing's buffer then; null when not known
     * @param pushing         the quantity of a push of ours under way then (sent, not yet acknowledged); null if none
     * @param believed        what we knew the channel to show before this report (our last push it acknowledged,
     *                        or its last report); null when we knew nothing (and for reports stored before revision 3)
     * @param believedFrom    since when it may have shown {@code believed}: when that push was sent, or that report's
     *                        time
     * @param believedAt      since when it certainly showed it: the push's acknowledgement, or that report's time
     */
    @Revision("3")
    public record ChannelQuantityReported(
            String merchantId,
            String channelId,
            String sku,
            String channelItemId,
            String locationId,
            int channelQuantity,
            Instant reportedAt,
            String deliveryId,
            String source,
            Integer wanted,
            Integer buffer,
            Integer pushing,
            Integer believed,
            Instant believedFrom,
            Instant believedAt) {}

    /**
     * A channel delivered an order again (another delivery of the same channel order) with other lines than the
     * order it already became; Syncline kept its order. {@code lines} are the channel's, {@code orderLines} ours.
     */
    public record ChannelOrderRedelivered(
            String merchantId,
            String channelId,
            String channelOrderId,
            String orderId,
            List<OrderLine> lines,
            List<OrderLine> orderLines,
            String deliveryId,
            Instant at) {}

    /**
     * A channel moved an order to a status its lifecycle in Syncline does not allow (it cancelled what we shipped,
     * or shipped what we rejected or cancelled); the order kept {@code orderStatus}.
     */
    public record ChannelOrderStatusRefused(
            String merchantId,
            String channelId,
            String channelOrderId,
            String orderId,
            OrderStatus orderStatus,
            OrderStatus channelStatus,
            String deliveryId,
            Instant at) {}
}
