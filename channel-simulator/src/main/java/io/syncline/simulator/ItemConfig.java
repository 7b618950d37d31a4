package io.syncline.simulator;

/**
 * One product variant a shop sells, with the shop's own stock of it. Shopify uses {@code inventoryItemId},
 * {@code variantId} and {@code productId}; TikTok Shop {@code productId} and {@code skuId}. Ids are digits (they
 * may exceed 2^53 and are kept exactly); missing ones are generated.
 */
public record ItemConfig(
        String sku,
        String title,
        Integer quantity,
        String price,
        String inventoryItemId,
        String variantId,
        String productId,
        String skuId) {

    public static ItemConfig of(String sku, int quantity) {
        return new ItemConfig(sku, null, quantity, null, null, null, null, null);
    }

    /** A Shopify variant whose inventory item has this id. */
    public static ItemConfig shopify(String sku, int quantity, String inventoryItemId) {
        return new ItemConfig(sku, null, quantity, null, inventoryItemId, null, null, null);
    }

    /** A TikTok Shop SKU of this product. */
    public static ItemConfig tiktok(String sku, int quantity, String productId, String skuId) {
        return new ItemConfig(sku, null, quantity, null, null, null, productId, skuId);
    }
}
