package io.syncline.gateway.channels.push;

import io.syncline.gateway.channels.ChannelKind;
import java.time.Instant;

/**
 * How a channel's sync stands.
 *
 * @param breaker          its circuit breaker: CLOSED, OPEN or HALF_OPEN
 * @param pendingPushes    listings with a push due
 * @param failedPushes     listings whose last push failed
 * @param pushLagMs        from the last change of a wanted quantity to the channel's acknowledgement
 * @param failedDeliveries webhook deliveries that are FAILED
 * @param outOfSync        listings whose channel shows other than we want it to
 */
public record ChannelStatus(
        String channelId,
        ChannelKind kind,
        boolean enabled,
        String breaker,
        long pendingPushes,
        long failedPushes,
        Instant lastPushAt,
        Long pushLagMs,
        Instant lastDeliveryAt,
        long failedDeliveries,
        long listings,
        long outOfSync) {}
