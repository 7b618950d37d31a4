package io.syncline.gateway.insights;

import io.syncline.api.inventory.Insights.ForecastDay;
import io.syncline.api.inventory.Insights.SalesDay;
import io.syncline.api.inventory.Insights.SkuInsights;
import io.syncline.api.inventory.Insights.Velocity;
import java.time.Instant;
import java.util.List;

/**
 * A SKU's insights as the API shows them: velocity in units per day over each window, days of cover with an 80%
 * interval, when it runs out, the next 7 days' forecast, the model that estimated the demand, and the units sold on
 * each of the last 28 days.
 */
public record SkuInsightsResponse(
        String sku,
        int available,
        Velocity velocity,
        Double daysOfCover,
        Double daysOfCoverLow,
        Double daysOfCoverHigh,
        Instant stockoutAt,
        List<ForecastDay> forecast,
        String model,
        List<SalesDay> sales) {

    static SkuInsightsResponse of(SkuInsights v) {
        return new SkuInsightsResponse(
                v.sku(),
                v.available(),
                v.velocity(),
                v.daysOfCover(),
                v.daysOfCoverLow(),
                v.daysOfCoverHigh(),
                v.stockoutAt(),
                v.forecast(),
                v.model(),
                v.sales());
    }
}
