package io.syncline.gateway.channels.webhooks;

import io.syncline.gateway.channels.WebhookDelivery;
import java.time.Instant;
import java.util.Map;

/** A delivery as the inbox holds it, claimed for processing. */
record StoredDelivery(
        String deliveryId,
        String merchantId,
        String channelId,
        String topic,
        byte[] body,
        Map<String, String> headers,
        String correlationId,
        Instant sentAt,
        DeliveryStatus status,
        int attempts) {

    /** The delivery as the platform's reader takes it. */
    WebhookDelivery delivery() {
        return new WebhookDelivery(deliveryId, topic, sentAt, body);
    }
}
