package io.syncline.gateway.channels;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.syncline.gateway.security.Caller;
import io.syncline.gateway.web.ApiException;
import io.syncline.gateway.web.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The merchant's channels and listings: ADMIN changes them, every role reads them (never a secret). */
@RestController
@RequestMapping("/api/channels")
@Tag(name = "channels")
public class ChannelsController {

    private final ChannelRegistry registry;

    public ChannelsController(ChannelRegistry registry) {
        this.registry = registry;
    }

    @PutMapping("/{channelId}")
    @Operation(summary = "Connect or change a channel (ADMIN); secrets are write-only and kept when left out")
    @ApiResponse(
            responseCode = "201",
            description = "Channel connected",
            content = @Content(schema = @Schema(implementation = ChannelView.class)))
    @ApiResponse(
            responseCode = "200",
            description = "Channel changed",
            content = @Content(schema = @Schema(implementation = ChannelView.class)))
    public ResponseEntity<ChannelView> put(
            Caller caller,
            @PathVariable("channelId") @Pattern(regexp = ChannelRequests.CHANNEL_ID) String channelId,
            @Valid @RequestBody ChannelRequests.Channel request) {
        ChannelRegistry.Saved<ChannelView> saved = registry.put(caller.merchantId(), channelId, request);
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .header(HttpHeaders.LOCATION, "/api/channels/" + channelId)
                .body(saved.view());
    }

    @GetMapping
    @Operation(summary = "The merchant's channels")
    public Map<String, List<ChannelView>> list(Caller caller) {
        return Map.of("items", registry.list(caller.merchantId()));
    }

    @GetMapping("/{channelId}")
    @Operation(summary = "One channel")
    public ChannelView get(
            Caller caller, @PathVariable("channelId") @Pattern(regexp = ChannelRequests.CHANNEL_ID) String channelId) {
        return registry.find(caller.merchantId(), channelId)
                .orElseThrow(() -> ApiException.notFound("No channel " + channelId));
    }

    @PutMapping("/{channelId}/listings/{sku}")
    @Operation(
            summary = "List our SKU on the channel (ADMIN): Shopify's inventory item, or TikTok Shop's product and SKU")
    @ApiResponse(
            responseCode = "201",
            description = "Listed",
            content = @Content(schema = @Schema(implementation = ListingView.class)))
    @ApiResponse(
            responseCode = "200",
            description = "Listing changed",
            content = @Content(schema = @Schema(implementation = ListingView.class)))
    public ResponseEntity<ListingView> putListing(
            Caller caller,
            @PathVariable("channelId") @Pattern(regexp = ChannelRequests.CHANNEL_ID) String channelId,
            @PathVariable("sku") @Pattern(regexp = Ids.PATTERN) String sku,
            @Valid @RequestBody ChannelRequests.Listing request) {
        ChannelRegistry.Saved<ListingView> saved = registry.putListing(caller.merchantId(), channelId, sku, request);
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .header(HttpHeaders.LOCATION, "/api/channels/" + channelId + "/listings")
                .body(saved.view());
    }

    @GetMapping("/{channelId}/listings")
    @Operation(summary = "The channel's listings with what the channel shows and what we want it to")
    public Map<String, List<ListingView>> listings(
            Caller caller, @PathVariable("channelId") @Pattern(regexp = ChannelRequests.CHANNEL_ID) String channelId) {
        return Map.of("items", registry.listings(caller.merchantId(), channelId));
    }
}
