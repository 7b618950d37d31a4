package io.syncline.api.channels;

import java.time.Instant;

/** Events of the merchants' sales channels: facts the channels reported, as Syncline received them. */
public final class ChannelEvents {

    private ChannelEvents() {}

    /**
     * A channel showed how many units it has for one of our listings: it said so (Shopify's {@code
     * inventory_levels/update}), or Syncline read it (a push found stale, reconciliation). Ids are the
     * platform's, kept exactly as strings.
     *
     * @param channelItemId   the channel's item (e.g. {@code gid://shopify/InventoryItem/…})
     * @param locationId      the channel's location or warehouse; null when it has none
     * @param channelQuantity what the channel shows; negative when the channel oversold
     * @param reportedAt      when the channel says the quantity changed
     * @param deliveryId      the webhook delivery that carried the report; null when Syncline read it
     */
    public record ChannelQuantityReported(
            String merchantId,
            String channelId,
            String sku,
            String channelItemId,
            String locationId,
            int channelQuantity,
            Instant reportedAt,
            String deliveryId) {}
}
