package io.syncline.gateway.channels.push;

import java.time.Instant;

/**
 * A listing claimed for a push: the channel's item, what we believe the channel shows ({@code
 * channelQuantity}, null before we know) and what it should show.
 */
record PushTarget(
        String merchantId,
        String channelId,
        String sku,
        String inventoryItemId,
        String productId,
        String skuId,
        Integer channelQuantity,
        int wantedQuantity,
        int attempts,
        Instant wantedChangedAt) {

    String describe() {
        return merchantId + "/" + channelId + "/" + sku;
    }
}
