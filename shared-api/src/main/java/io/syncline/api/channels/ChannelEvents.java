package io.syncline.api.channels;

import java.time.Instant;

/** Events of the merchants' sales channels: facts the channels reported, as Syncline received them. */
public final class ChannelEvents {

    private ChannelEvents() {}

    /**
     * A channel said how many units it now shows for one of our listings (Shopify's
     * {@code inventory_levels/update}). Ids are the platform's, kept exactly as strings.
     *
     * @param channelItemId   the channel's item (e.g. {@code gid://shopify/InventoryItem/…})
     * @param locationId      the channel's location or warehouse; null when it has none
     * @param channelQuantity what the channel shows; negative when the channel oversold
     * @param reportedAt      when the channel says the quantity changed
     * @param deliveryId      the webhook delivery that carried the report
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
