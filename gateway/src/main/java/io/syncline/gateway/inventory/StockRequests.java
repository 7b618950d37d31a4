package io.syncline.gateway.inventory;

import io.syncline.gateway.web.Strict;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Bodies of the inventory writes. */
public final class StockRequests {

    /** Upper bound of counts and deltas: keeps on-hand arithmetic far from int overflow. */
    static final int MAX_UNITS = 1_000_000_000;

    private StockRequests() {}

    /** {@code PUT /api/inventory/{sku}}: the counted on-hand, the low-stock threshold, an optional name. */
    public record Count(
            @Strict @NotNull @PositiveOrZero @Max(MAX_UNITS) Integer onHand,
            @Strict @NotNull @PositiveOrZero @Max(MAX_UNITS) Integer lowStockThreshold,
            @Strict @Size(max = 200) String name) {}

    /** {@code POST /api/inventory/{sku}/adjustments}: a signed, non-zero change of on-hand and why. */
    public record Adjustment(
            @Strict @NotNull @NonZero @Min(-MAX_UNITS) @Max(MAX_UNITS) Integer delta,
            @Strict @NotBlank @Size(max = 500) String reason) {}
}
