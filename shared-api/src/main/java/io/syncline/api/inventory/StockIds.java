package io.syncline.api.inventory;

/** The identifier of the stock aggregate of one SKU of one merchant. */
public final class StockIds {

    private StockIds() {}

    /** {@code merchantId/sku}: SKUs are unique per merchant, so the pair names one stock. */
    public static String of(String merchantId, String sku) {
        return merchantId + "/" + sku;
    }
}
