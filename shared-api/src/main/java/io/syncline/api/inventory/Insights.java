package io.syncline.api.inventory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Queries on what a merchant's sales say about the coming days, and the views they answer with. */
public final class Insights {

    private Insights() {}

    /** One SKU's sales velocity, days of cover and forecast; answers {@link SkuInsights}, null for an unknown SKU. */
    public record FindSkuInsights(String merchantId, String sku) {}

    /**
     * The hours whose order rate left what the history predicts, per channel (all channels when {@code channel} is
     * null), from {@code from} to {@code to}; answers {@link RateAnomalies}.
     */
    public record FindOrderRateAnomalies(String merchantId, String channel, Instant from, Instant to) {}

    /**
     * Units sold per day over the last hour, day and week; for a SKU younger than a window, per day over the time it
     * has been known (at least an hour).
     */
    public record Velocity(Double lastHour, Double lastDay, Double lastWeek) {}

    /** The days of cover of each of the merchant's SKUs named (unknown ones left out); answers {@link SkuCovers}. */
    public record ListSkuCover(String merchantId, List<String> skus) {}

    /** One SKU's days of cover, as in {@link SkuInsights}. */
    public record SkuCover(
            String sku, Double daysOfCover, Double daysOfCoverLow, Double daysOfCoverHigh, Instant stockoutAt) {}

    /** The covers asked for, in the order asked. */
    public record SkuCovers(List<SkuCover> items) {}

    /**
     * How fast each SKU sells on one channel: the highest of its last 5 minutes', last hour's and last day's rate; answers
     * {@link ChannelSalesRates} (SKUs without a sale on the channel in the last day are left out).
     */
    public record FindChannelSalesRates(String merchantId, String channel) {}

    /** Units of one SKU sold per day on a channel. */
    public record SkuRate(String sku, double unitsPerDay) {}

    /** The sales rates of a channel's SKUs. */
    public record ChannelSalesRates(String merchantId, String channel, List<SkuRate> items) {}

    /** Units sold on one past day. */
    public record SalesDay(LocalDate date, int units) {}

    /** One coming day's expected units, with an 80% interval. */
    public record ForecastDay(LocalDate date, double units, double low, double high) {}

    /**
     * What the sales of one SKU say: {@code daysOfCover} is available over the expected demand, with an 80%
     * interval; {@code stockoutAt} when the expected demand takes what is available; {@code forecast} the next 7 days
     * (null with fewer than 3 days of history); {@code model} names how the demand was estimated; {@code sales} the
     * units sold on each of the last 28 days, today last.
     */
    public record SkuInsights(
            String merchantId,
            String sku,
            int available,
            Velocity velocity,
            Double daysOfCover,
            Double daysOfCoverLow,
            Double daysOfCoverHigh,
            Instant stockoutAt,
            List<ForecastDay> forecast,
            String model,
            List<SalesDay> sales) {}

    /** A channel's hour whose order count left its prediction: {@code kind} SPIKE or DROP. */
    public record RateAnomaly(String channel, Instant at, String kind, int observed, double expected, double score) {}

    /** The anomalies of a window, oldest first. */
    public record RateAnomalies(List<RateAnomaly> items) {}
}
