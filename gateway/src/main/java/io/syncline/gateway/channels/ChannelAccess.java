package io.syncline.gateway.channels;

/**
 * A channel with its secret and token opened, for verifying its webhooks and calling its API. Held only
 * while that work runs; its {@code toString} shows no secret, so it cannot leak into a log line.
 */
public record ChannelAccess(
        String merchantId, String channelId, ChannelSettings settings, String webhookSecret, String accessToken) {

    @Override
    public String toString() {
        return "ChannelAccess[" + merchantId + "/" + channelId + ", " + settings.kind() + "]";
    }
}
