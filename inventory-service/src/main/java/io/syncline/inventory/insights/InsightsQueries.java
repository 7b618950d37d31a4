package io.syncline.inventory.insights;

import io.syncline.api.inventory.Insights.ChannelSalesRates;
import io.syncline.api.inventory.Insights.FindChannelSalesRates;
import io.syncline.api.inventory.Insights.FindOrderRateAnomalies;
import io.syncline.api.inventory.Insights.FindSkuInsights;
import io.syncline.api.inventory.Insights.ListSkuCover;
import io.syncline.api.inventory.Insights.RateAnomalies;
import io.syncline.api.inventory.Insights.RateAnomaly;
import io.syncline.api.inventory.Insights.SkuCover;
import io.syncline.api.inventory.Insights.SkuCovers;
import io.syncline.api.inventory.Insights.SkuInsights;
import io.syncline.api.inventory.Insights.SkuRate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers the insight queries from the sales book, as of now. */
@Component
class InsightsQueries {

    /** The anomalies' model looks back this far before a window's start. */
    static final Duration LOOK_BACK = Duration.ofDays(28);

    private final SalesBook book;
    private final SkuInsightsModel model;

    InsightsQueries(SalesBook book, SkuInsightsModel model) {
        this.book = book;
        this.model = model;
    }

    @QueryHandler
    SkuInsights handle(FindSkuInsights query) {
        return book.sku(query.merchantId(), query.sku())
                .map(sku -> model.at(sku, GenericEventMessage.clock.instant()))
                .orElse(null);
    }

    @QueryHandler
    SkuCovers handle(ListSkuCover query) {
        Instant now = GenericEventMessage.clock.instant();
        List<SkuCover> items = new ArrayList<>();
        for (String sku : query.skus()) {
            book.sku(query.merchantId(), sku).ifPresent(known -> items.add(model.cover(known, now)));
        }
        return new SkuCovers(items);
    }

    /** A burst shows in the last minutes before it shows in the hour or the day: the highest rate is taken. */
    @QueryHandler
    ChannelSalesRates handle(FindChannelSalesRates query) {
        Instant now = GenericEventMessage.clock.instant();
        Map<String, Integer> day =
                book.unitsSoldOn(query.merchantId(), query.channel(), now.minus(Duration.ofDays(1)), now);
        Map<String, Integer> hour =
                book.unitsSoldOn(query.merchantId(), query.channel(), now.minus(Duration.ofHours(1)), now);
        Map<String, Integer> minutes =
                book.unitsSoldOn(query.merchantId(), query.channel(), now.minus(Duration.ofMinutes(5)), now);
        List<SkuRate> items = new ArrayList<>();
        day.forEach((sku, units) -> items.add(new SkuRate(
                sku,
                Math.max(units, Math.max(24.0 * hour.getOrDefault(sku, 0), 288.0 * minutes.getOrDefault(sku, 0))))));
        return new ChannelSalesRates(query.merchantId(), query.channel(), items);
    }

    /** Only whole hours are judged: the current one is still filling. */
    @QueryHandler
    RateAnomalies handle(FindOrderRateAnomalies query) {
        Instant currentHour = GenericEventMessage.clock.instant().truncatedTo(ChronoUnit.HOURS);
        Instant to = query.to().isAfter(currentHour) ? currentHour : query.to();
        Map<String, Instant> since = book.channelsSince(query.merchantId());
        Instant earliest = query.from().minus(LOOK_BACK).truncatedTo(ChronoUnit.DAYS);
        Map<String, Map<Instant, Integer>> hours = book.channelHours(query.merchantId(), query.channel(), earliest, to);
        List<RateAnomaly> items = new ArrayList<>();
        hours.forEach((channel, counts) -> {
            // the channel's history starts at the first whole day of it that the look-back reaches
            Instant start = since.get(channel).truncatedTo(ChronoUnit.DAYS);
            if (start.isBefore(earliest)) {
                start = earliest;
            }
            int length = (int) Duration.between(start, to).toHours();
            if (length <= 0) {
                return;
            }
            int[] series = new int[length];
            for (Map.Entry<Instant, Integer> hour : counts.entrySet()) {
                int index = (int) Duration.between(start, hour.getKey()).toHours();
                if (index >= 0 && index < length) {
                    series[index] = hour.getValue();
                }
            }
            int from = (int) Math.max(0, Duration.between(start, query.from()).toHours());
            Instant origin = start;
            for (OrderRateModel.Anomaly a : OrderRateModel.find(series, from)) {
                items.add(new RateAnomaly(
                        channel,
                        origin.plus(Duration.ofHours(a.hour())),
                        a.spike() ? "SPIKE" : "DROP",
                        a.observed(),
                        Math.round(a.expected() * 100) / 100.0,
                        Math.round(a.score() * 100) / 100.0));
            }
        });
        items.sort(Comparator.comparing(RateAnomaly::at).thenComparing(RateAnomaly::channel));
        return new RateAnomalies(items);
    }
}
