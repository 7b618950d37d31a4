package io.syncline.gateway.channels.tiktok;

import io.syncline.gateway.channels.ChannelNotice;
import java.time.Instant;

/**
 * What a TikTok Shop delivery says: a notice ready as it is, or an order to read first, since TikTok's
 * order status change carries no line items.
 */
public sealed interface TikTokReading {

    /** The delivery alone says what happened. */
    record Notice(ChannelNotice notice) implements TikTokReading {}

    /** The order became ready to ship: read it with {@link TikTokOrders#fetch(String)} and place it. */
    record OrderToRead(String orderId, Instant updatedAt) implements TikTokReading {}
}
