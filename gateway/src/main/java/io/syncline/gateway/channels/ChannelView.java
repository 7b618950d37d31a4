package io.syncline.gateway.channels;

import java.time.Instant;

/**
 * A channel as the API shows it: never its secret or token, only whether they are set; {@code listings}
 * counts its listings.
 */
public record ChannelView(
        String channelId,
        ChannelKind kind,
        String name,
        String apiBaseUrl,
        String appKey,
        String shopCipher,
        String locationId,
        String warehouseId,
        String apiVersion,
        int bufferStock,
        BufferMode bufferMode,
        Integer bufferMax,
        boolean enabled,
        boolean webhookSecretSet,
        boolean accessTokenSet,
        long listings,
        Instant createdAt,
        Instant updatedAt) {}
