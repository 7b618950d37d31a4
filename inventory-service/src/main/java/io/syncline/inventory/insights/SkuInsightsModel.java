package io.syncline.inventory.insights;

import io.syncline.api.inventory.Insights.ForecastDay;
import io.syncline.api.inventory.Insights.SalesDay;
import io.syncline.api.inventory.Insights.SkuCover;
import io.syncline.api.inventory.Insights.SkuInsights;
import io.syncline.api.inventory.Insights.Velocity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Works out one SKU's insights from the sales book at a moment: velocity from its sales, the demand from the daily
 * forecast when there are {@value DemandForecast#MIN_DAYS} whole days of history, from the rate sold so far before.
 */
@Component
class SkuInsightsModel {

    static final int HORIZON = 7;
    static final int SALES_DAYS = 28;
    /** The model's name while there is too little history for a forecast. */
    static final String RATE_SO_FAR = "RATE_SO_FAR";

    private static final double DAY_SECONDS = 86_400.0;

    private final SalesBook book;
    private final InsightsProperties properties;

    SkuInsightsModel(SalesBook book, InsightsProperties properties) {
        this.book = book;
        this.properties = properties;
    }

    /** The expected demand and how it was estimated; {@code days} is the forecast, empty without one. */
    record Estimate(Demand demand, List<DemandForecast.Day> days, String model) {}

    SkuInsights at(SalesBook.Sku sku, Instant now) {
        Velocity velocity = new Velocity(
                velocity(sku, now, Duration.ofHours(1)),
                velocity(sku, now, Duration.ofDays(1)),
                velocity(sku, now, Duration.ofDays(7)));
        Estimate estimate = estimate(sku, now);
        Demand demand = estimate.demand();
        List<ForecastDay> forecast = null;
        if (!estimate.days().isEmpty()) {
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            forecast = new ArrayList<>(HORIZON);
            for (int i = 0; i < estimate.days().size(); i++) {
                DemandForecast.Day day = estimate.days().get(i);
                forecast.add(
                        new ForecastDay(today.plusDays(i), round(day.units()), round(day.low()), round(day.high())));
            }
        }
        int available = sku.available();
        return new SkuInsights(
                sku.merchantId(),
                sku.sku(),
                available,
                velocity,
                round(demand.cover(available)),
                round(demand.coverLow(available)),
                round(demand.coverHigh(available)),
                demand.stockoutAt(now, available),
                forecast,
                estimate.model(),
                sales(sku, now));
    }

    /** The SKU's days of cover at {@code now}, their interval and the stock-out time. */
    SkuCover cover(SalesBook.Sku sku, Instant now) {
        Demand demand = estimate(sku, now).demand();
        int available = sku.available();
        return new SkuCover(
                sku.sku(),
                round(demand.cover(available)),
                round(demand.coverLow(available)),
                round(demand.coverHigh(available)),
                demand.stockoutAt(now, available));
    }

    /** Units sold on each of the last {@value #SALES_DAYS} days, today last. */
    private List<SalesDay> sales(SalesBook.Sku sku, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate first = today.minusDays(SALES_DAYS - 1);
        double[] units = book.dailyUnits(sku.merchantId(), sku.sku(), first, today);
        List<SalesDay> days = new ArrayList<>(SALES_DAYS);
        for (int i = 0; i < units.length; i++) {
            days.add(new SalesDay(first.plusDays(i), (int) units[i]));
        }
        return days;
    }

    /**
     * The SKU's demand at {@code now}. The forecast learns from whole UTC days before today (the day the SKU became
     * known is not whole), so it changes once a day; the rate so far changes with every sale.
     */
    Estimate estimate(SalesBook.Sku sku, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate firstWhole =
                LocalDate.ofInstant(sku.knownSince(), ZoneOffset.UTC).plusDays(1);
        LocalDate first = max(firstWhole, today.minusDays(properties.historyDays()));
        LocalDate last = today.minusDays(1);
        if (ChronoUnit.DAYS.between(first, last) + 1 >= DemandForecast.MIN_DAYS) {
            double[] history = book.dailyUnits(sku.merchantId(), sku.sku(), first, last);
            List<DemandForecast.Day> days = DemandForecast.forecast(history, HORIZON);
            return new Estimate(
                    Demand.forecast(days),
                    days,
                    DemandForecast.modelFor(history.length).name());
        }
        Instant dayAgo = now.minus(Duration.ofDays(1));
        Instant since = sku.knownSince().isBefore(dayAgo) ? dayAgo : sku.knownSince();
        int units = book.unitsSold(sku.merchantId(), sku.sku(), since, now);
        return new Estimate(Demand.rate(units, Duration.between(since, now)), List.of(), RATE_SO_FAR);
    }

    /**
     * Units sold per day over the window before {@code now}; for a SKU younger than the window, per day over the time
     * it has been known (at least an hour, as for the rate so far).
     */
    private Double velocity(SalesBook.Sku sku, Instant now, Duration window) {
        Duration age = Duration.between(sku.knownSince(), now);
        Duration span = age.compareTo(window) < 0 ? max(age, Demand.MIN_EXPOSURE) : window;
        int units = book.unitsSold(sku.merchantId(), sku.sku(), now.minus(window), now);
        return round(units * DAY_SECONDS / span.getSeconds());
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 100) / 100.0;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
