package io.syncline.gateway.insights;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.syncline.api.inventory.Insights.FindOrderRateAnomalies;
import io.syncline.api.inventory.Insights.FindSkuInsights;
import io.syncline.api.inventory.Insights.ListSkuCover;
import io.syncline.api.inventory.Insights.RateAnomalies;
import io.syncline.api.inventory.Insights.SkuCover;
import io.syncline.api.inventory.Insights.SkuCovers;
import io.syncline.api.inventory.Insights.SkuInsights;
import io.syncline.gateway.messaging.ServiceCalls;
import io.syncline.gateway.security.Caller;
import io.syncline.gateway.web.ApiException;
import io.syncline.gateway.web.Ids;
import io.syncline.gateway.web.Instants;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the merchant's sales say: a SKU's velocity, cover and forecast, and the channels' unusual order rates. */
@RestController
@Tag(name = "insights")
public class InsightsController {

    static final Duration DEFAULT_WINDOW = Duration.ofDays(1);
    static final Duration MAX_WINDOW = Duration.ofDays(31);

    private final ServiceCalls calls;

    public InsightsController(ServiceCalls calls) {
        this.calls = calls;
    }

    @GetMapping("/api/inventory/{sku}/insights")
    @Operation(
            summary = "A SKU's sales velocity, days of cover with an 80% interval and stock-out time, and its"
                    + " demand forecast for the next 7 days (null where there is too little history)")
    @ApiResponse(
            responseCode = "200",
            description = "The SKU's insights",
            content = @Content(schema = @Schema(implementation = SkuInsightsResponse.class)))
    public SkuInsightsResponse insights(Caller caller, @PathVariable("sku") @Pattern(regexp = Ids.PATTERN) String sku) {
        SkuInsights insights =
                calls.query(new FindSkuInsights(caller.merchantId(), sku), ResponseTypes.instanceOf(SkuInsights.class));
        if (insights == null || !caller.merchantId().equals(insights.merchantId())) {
            throw ApiException.notFound("No SKU " + sku);
        }
        return SkuInsightsResponse.of(insights);
    }

    @GetMapping("/api/insights/cover")
    @Operation(summary = "The days of cover of up to 200 of the merchant's SKUs at once (unknown ones left out)")
    public CoversResponse cover(
            Caller caller,
            @Parameter(description = "comma-separated SKUs") @RequestParam(name = "skus") @Size(max = 200)
                    List<@Pattern(regexp = Ids.PATTERN) String> skus) {
        SkuCovers covers = calls.query(
                new ListSkuCover(caller.merchantId(), List.copyOf(new LinkedHashSet<>(skus))),
                ResponseTypes.instanceOf(SkuCovers.class));
        return new CoversResponse(covers == null ? List.of() : covers.items());
    }

    /** Days of cover of several SKUs. */
    public record CoversResponse(List<SkuCover> items) {}

    @GetMapping("/api/insights/anomalies")
    @Operation(
            summary = "Hours whose order rate on a channel left what its history predicts (SPIKE or DROP), oldest"
                    + " first; the window defaults to the last day and spans at most 31 days")
    public AnomaliesResponse anomalies(
            Caller caller,
            @Parameter(description = "the window's start, " + Instants.EXAMPLE + " (default: a day before to)")
                    @RequestParam(name = "from", required = false)
                    String from,
            @Parameter(description = "the window's end (default now)") @RequestParam(name = "to", required = false)
                    String to,
            @Parameter(description = "only this channel")
                    @RequestParam(name = "channel", required = false)
                    @Size(max = 255)
                    String channel) {
        Instant end = to == null ? Instant.now() : Instants.parse("to", to);
        Instant start = from == null ? end.minus(DEFAULT_WINDOW) : Instants.parse("from", from);
        if (start.isAfter(end)) {
            throw ApiException.invalid("from", "must not be after to (" + end + ")");
        }
        if (Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
            throw ApiException.invalid("from", "the window spans at most 31 days");
        }
        RateAnomalies found = calls.query(
                new FindOrderRateAnomalies(caller.merchantId(), blankToNull(channel), start, end),
                ResponseTypes.instanceOf(RateAnomalies.class));
        return AnomaliesResponse.of(found);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
