package io.syncline.gateway.channels.webhooks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.syncline.gateway.channels.ChannelRegistry;
import io.syncline.gateway.channels.ChannelRequests;
import io.syncline.gateway.security.Caller;
import io.syncline.gateway.web.ApiException;
import io.syncline.gateway.web.PageResponse;
import io.syncline.gateway.web.ProblemType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A channel's webhook deliveries: every role reads them, ADMIN has a failed one tried again. */
@RestController
@RequestMapping("/api/channels/{channelId}/deliveries")
@Tag(name = "channels")
public class DeliveriesController {

    private final ChannelRegistry registry;
    private final DeliveryInbox inbox;
    private final DeliveryWorkers workers;

    DeliveriesController(ChannelRegistry registry, DeliveryInbox inbox, DeliveryWorkers workers) {
        this.registry = registry;
        this.inbox = inbox;
        this.workers = workers;
    }

    @GetMapping
    @Operation(summary = "The channel's webhook deliveries, newest first, optionally of one status")
    public PageResponse<DeliveryView> list(
            Caller caller,
            @PathVariable("channelId") @Pattern(regexp = ChannelRequests.CHANNEL_ID) String channelId,
            @Parameter(schema = @Schema(implementation = DeliveryStatus.class))
                    @RequestParam(name = "status", required = false)
                    String status,
            @RequestParam(name = "page", defaultValue = "0") @Min(0) @Max(1_000_000) int page,
            @RequestParam(name = "size", defaultValue = "50") @Min(1) @Max(200) int size) {
        known(caller, channelId);
        DeliveryStatus wanted = status(status);
        return new PageResponse<>(
                inbox.page(caller.merchantId(), channelId, wanted, page, size),
                page,
                size,
                inbox.count(caller.merchantId(), channelId, wanted));
    }

    @PostMapping("/{deliveryId}/retry")
    @Operation(summary = "Try a failed delivery again now (ADMIN); 409 unless it is FAILED")
    @ApiResponse(
            responseCode = "202",
            description = "Due now; processed shortly",
            content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    public ResponseEntity<DeliveryView> retry(
            Caller caller,
            @PathVariable("channelId") @Pattern(regexp = ChannelRequests.CHANNEL_ID) String channelId,
            @PathVariable("deliveryId") String deliveryId) {
        known(caller, channelId);
        DeliveryView view = inbox.retryNow(caller.merchantId(), channelId, deliveryId)
                .orElseThrow(() -> ApiException.notFound("No delivery " + deliveryId));
        if (view.status() != DeliveryStatus.FAILED) {
            throw new ApiException(
                    ProblemType.CONFLICT,
                    "Delivery " + deliveryId + " is " + view.status() + "; only a FAILED delivery is tried again");
        }
        workers.nudge();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(view);
    }

    private void known(Caller caller, String channelId) {
        if (registry.find(caller.merchantId(), channelId).isEmpty()) {
            throw ApiException.notFound("No channel " + channelId);
        }
    }

    private static DeliveryStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return DeliveryStatus.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("status", "must be one of " + Arrays.toString(DeliveryStatus.values()));
        }
    }
}
