package io.syncline.gateway.channels;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A listing as the API shows it: Shopify's {@code inventoryItemId} or TikTok Shop's {@code productId} and
 * {@code skuId}; {@code inSync} when the channel shows what we want it to; {@code buffer} the units held back from
 * it, and {@code bufferReason} the figures that buffer came from.
 */
public record ListingView(
        String sku,
        @JsonInclude(JsonInclude.Include.NON_NULL) String inventoryItemId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String productId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String skuId,
        Integer channelQuantity,
        Integer wantedQuantity,
        Instant pushedAt,
        boolean inSync,
        int buffer,
        BufferReason bufferReason) {}
