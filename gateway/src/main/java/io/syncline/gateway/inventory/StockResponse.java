package io.syncline.gateway.inventory;

import io.syncline.api.inventory.StockQueries.StockView;
import java.time.Instant;

/** A SKU's levels as the API shows them; {@code available = onHand - reserved}, never negative. */
public record StockResponse(
        String sku,
        String name,
        int onHand,
        int reserved,
        int available,
        int lowStockThreshold,
        boolean low,
        long version,
        Instant updatedAt) {

    static StockResponse of(StockView v) {
        return new StockResponse(
                v.sku(),
                v.name(),
                v.onHand(),
                v.reserved(),
                Math.max(0, v.available()),
                v.lowStockThreshold(),
                v.low(),
                v.version(),
                v.updatedAt());
    }
}
