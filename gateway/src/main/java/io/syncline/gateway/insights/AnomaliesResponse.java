package io.syncline.gateway.insights;

import io.syncline.api.inventory.Insights.RateAnomalies;
import io.syncline.api.inventory.Insights.RateAnomaly;
import java.util.List;

/** The window's order-rate anomalies, oldest first. */
public record AnomaliesResponse(List<RateAnomaly> items) {

    static AnomaliesResponse of(RateAnomalies found) {
        return new AnomaliesResponse(found == null ? List.of() : found.items());
    }
}
