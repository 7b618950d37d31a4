package io.syncline.gateway.channels.webhooks;

import java.time.Instant;

/**
 * A stored delivery as the API shows it: never its body or headers.
 *
 * @param error         why it failed or was ignored; null when processed
 * @param orderId       the Syncline order it placed or acted on, when there is one
 * @param nextAttemptAt when it will be tried again; null when it will not be
 */
public record DeliveryView(
        String deliveryId,
        String topic,
        Instant receivedAt,
        DeliveryStatus status,
        int attempts,
        String error,
        String orderId,
        Instant nextAttemptAt) {}
