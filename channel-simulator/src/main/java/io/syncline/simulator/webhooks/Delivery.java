package io.syncline.simulator.webhooks;

import java.time.Instant;
import java.util.Map;

/**
 * One webhook message as the platform sends it: its id (Shopify's {@code X-Shopify-Webhook-Id}, TikTok Shop's
 * {@code tts_notification_id}), topic, headers (signature included) and exact body. Retries and copies send these
 * same bytes.
 */
public record Delivery(String deliveryId, String topic, Map<String, String> headers, byte[] body, Instant createdAt) {

    public Delivery {
        headers = Map.copyOf(headers);
    }
}
