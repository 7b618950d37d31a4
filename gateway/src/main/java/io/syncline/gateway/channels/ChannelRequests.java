package io.syncline.gateway.channels;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Bodies of the channel registry's writes. */
public final class ChannelRequests {

    /** Channel ids as the contract has them. */
    public static final String CHANNEL_ID = "[a-z0-9-]{1,40}";

    private ChannelRequests() {}

    /**
     * A channel's settings. {@code webhookSecret} and {@code accessToken} are write-only: left out, the
     * stored ones stay. {@code bufferStock} is read-only in {@code AUTO} mode.
     */
    public record Channel(
            @NotNull ChannelKind kind,
            @Size(max = 255) String name,
            @NotBlank
                    @Size(max = 2048)
                    @Pattern(
                            regexp = "https?://[^\\s/?#]+(/[^\\s?#]*)?",
                            message = "must be an http(s) URL without query or fragment")
                    String apiBaseUrl,
            @Size(min = 1, max = 1024) String webhookSecret,
            @Size(min = 1, max = 4096) String accessToken,
            @Size(max = 255) String appKey,
            @Size(max = 255) String shopCipher,
            @Size(max = 255)
                    @Pattern(regexp = "gid://shopify/Location/\\d+", message = "must be a gid://shopify/Location/… id")
                    String locationId,
            @Size(max = 255) String warehouseId,
            @Pattern(regexp = "\\d{4}-\\d{2}|unstable", message = "must be a Shopify API version such as 2026-10")
                    String apiVersion,
            @Min(0) @Max(1_000_000) Integer bufferStock,
            BufferMode bufferMode,
            @Min(0) @Max(1_000_000) Integer bufferMax,
            Boolean enabled) {}

    /** Shopify: the inventory item; TikTok Shop: the product and its SKU. */
    public record Listing(
            @Size(max = 255)
                    @Pattern(
                            regexp = "gid://shopify/InventoryItem/\\d+",
                            message = "must be a gid://shopify/InventoryItem/… id")
                    String inventoryItemId,
            @Size(max = 64) @Pattern(regexp = "\\d+", message = "must be TikTok Shop's numeric product id")
                    String productId,
            @Size(max = 64) @Pattern(regexp = "\\d+", message = "must be TikTok Shop's numeric SKU id") String skuId) {}
}
