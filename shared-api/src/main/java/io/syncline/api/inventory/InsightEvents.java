package io.syncline.api.inventory;

import java.time.Instant;

/** Events the insights raise (not of an aggregate): alerts drawn from a merchant's sales. */
public final class InsightEvents {

    private InsightEvents() {}

    /**
     * A SKU's days of cover fell below {@code coverAlertDays} (once per crossing): at the expected demand it runs
     * out at {@code stockoutAt}.
     */
    public record StockoutPredicted(
            String merchantId,
            String sku,
            int available,
            double daysOfCover,
            Double daysOfCoverLow,
            Double daysOfCoverHigh,
            Instant stockoutAt,
            double coverAlertDays) {}
}
