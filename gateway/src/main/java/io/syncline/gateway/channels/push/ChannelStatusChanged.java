package io.syncline.gateway.channels.push;

/** Published in-process when something on a channel's status route may have changed: a push, a delivery. */
public record ChannelStatusChanged(String merchantId, String channelId) {}
