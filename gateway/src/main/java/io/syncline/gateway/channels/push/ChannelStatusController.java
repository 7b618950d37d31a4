package io.syncline.gateway.channels.push;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.syncline.gateway.channels.ChannelRequests;
import io.syncline.gateway.security.Caller;
import io.syncline.gateway.web.ApiException;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A channel's sync status, for every role. */
@RestController
@Tag(name = "channels")
public class ChannelStatusController {

    private final ChannelStatuses statuses;

    ChannelStatusController(ChannelStatuses statuses) {
        this.statuses = statuses;
    }

    @GetMapping("/api/channels/{channelId}/status")
    @Operation(summary = "The channel's sync: breaker, pending and failed pushes, push lag, deliveries, listings")
    public ChannelStatus status(
            Caller caller, @PathVariable("channelId") @Pattern(regexp = ChannelRequests.CHANNEL_ID) String channelId) {
        return statuses.of(caller.merchantId(), channelId)
                .orElseThrow(() -> ApiException.notFound("No channel " + channelId));
    }
}
