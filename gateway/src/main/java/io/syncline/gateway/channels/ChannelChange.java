package io.syncline.gateway.channels;

/**
 * A channel or one of its listings changed (published in-process after the change): what the channel
 * should show may have changed with its buffer, enabled state or listing.
 *
 * @param sku the listing's SKU; null when the channel itself changed
 */
public record ChannelChange(String merchantId, String channelId, String sku) {}
