package io.syncline.gateway.channels;

/** A channel's settings other than its secret and token, as the merchant set them. */
public record ChannelSettings(
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
        boolean enabled) {}
