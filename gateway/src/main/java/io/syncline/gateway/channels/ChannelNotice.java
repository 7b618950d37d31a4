package io.syncline.gateway.channels;

import io.syncline.api.orders.OrderLine;
import java.time.Instant;
import java.util.List;

/**
 * What a channel's delivery means for Syncline, whatever platform sent it. Ids are the platform's,
 * kept exactly as strings (Shopify's exceed 2^53); {@code updatedAt} orders deliveries that arrive out of
 * order.
 */
public sealed interface ChannelNotice {

    /**
     * The order to place: a line per platform line item, by our SKU; {@code placedAt} when it was placed on the
     * channel (its stock left the listing then), null when the channel does not say.
     */
    record OrderCreated(String channelOrderId, List<OrderLine> lines, Instant updatedAt, Instant placedAt)
            implements ChannelNotice {}

    /** The channel cancelled the order. */
    record OrderCancelled(String channelOrderId, String reason, Instant updatedAt) implements ChannelNotice {}

    /** The channel shipped (fulfilled) the order. */
    record OrderShipped(String channelOrderId, Instant updatedAt) implements ChannelNotice {}

    /**
     * The quantity the channel now shows for one of its items: Shopify's inventory item at a location,
     * TikTok Shop's SKU in a warehouse ({@code locationId} null when it has none).
     */
    record QuantityReported(String channelItemId, String locationId, int available, Instant updatedAt)
            implements ChannelNotice {}

    /** Read only to be recorded: a topic or status Syncline does not act on. */
    record Ignored(String why) implements ChannelNotice {}
}
