package io.syncline.simulator.orders;

import java.util.List;

/**
 * One line of an order: {@code quantity} units of a SKU. {@code lineId} is Shopify's line item id; TikTok Shop
 * lists every unit as its own line item, with the ids in {@code unitIds}.
 */
public record OrderLine(
        String lineId,
        String sku,
        String title,
        String price,
        int quantity,
        String productId,
        String variantId,
        String skuId,
        List<String> unitIds) {

    public OrderLine {
        unitIds = List.copyOf(unitIds);
    }
}
