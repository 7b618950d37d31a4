package io.syncline.gateway.channels;

/** The sales platform a channel's shop is on. */
public enum ChannelKind {
    SHOPIFY,
    TIKTOK_SHOP
}
