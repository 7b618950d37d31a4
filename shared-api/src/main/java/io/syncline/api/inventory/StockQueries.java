package io.syncline.api.inventory;

import java.time.Instant;
import java.util.List;

/** Queries on the stock-level read model and the views they answer with. */
public final class StockQueries {

    private StockQueries() {}

    /**
     * One SKU's levels; answers an optional {@link StockView}. Subscribable: ask for the initial result
     * as an instance, null when none, since an optional one arrives untyped across Axon Server.
     */
    public record FindStock(String merchantId, String sku) {}

    /** A page of the merchant's SKUs ordered by SKU, optionally only those that are low. */
    public record ListStock(String merchantId, boolean lowOnly, int page, int size) {}

    /** Levels of one SKU; {@code available = onHand - reserved}, never negative. */
    public record StockView(
            String merchantId,
            String sku,
            String name,
            int onHand,
            int reserved,
            int available,
            int lowStockThreshold,
            boolean low,
            long version,
            Instant updatedAt) {}

    /** A page of stock views. */
    public record StockPage(List<StockView> items, int page, int size, long total) {}
}
