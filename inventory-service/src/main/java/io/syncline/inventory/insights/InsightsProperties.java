package io.syncline.inventory.insights;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the insights.
 *
 * @param coverAlertDays days of cover below which {@code stock.stockout-predicted} is raised (once per crossing)
 * @param historyDays days of daily sales the forecast learns from
 * @param alertsWithin an event older than this when the insights handle it (a catch-up) raises no alert
 */
@ConfigurationProperties("syncline.insights")
public record InsightsProperties(
        @DefaultValue("3") double coverAlertDays,
        @DefaultValue("91") int historyDays,
        @DefaultValue("1h") Duration alertsWithin) {

    public InsightsProperties {
        if (coverAlertDays <= 0) {
            throw new IllegalArgumentException("syncline.insights.cover-alert-days must be above 0");
        }
        if (historyDays < DemandForecast.SEASONAL_DAYS) {
            throw new IllegalArgumentException(
                    "syncline.insights.history-days must be at least " + DemandForecast.SEASONAL_DAYS);
        }
    }
}
