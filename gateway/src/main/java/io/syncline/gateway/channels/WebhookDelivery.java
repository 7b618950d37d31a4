package io.syncline.gateway.channels;

import java.time.Instant;

/**
 * A delivery whose signature was verified, with the platform's de-duplication key and topic, before
 * its body is read. The body stays the raw bytes the platform signed.
 *
 * @param deliveryId the platform's de-duplication key (Shopify's event id, TikTok Shop's notification id)
 * @param topic      the platform's topic or type (e.g. {@code orders/create}, {@code 1})
 * @param sentAt     when the platform says it sent it; null when it does not say
 */
public record WebhookDelivery(String deliveryId, String topic, Instant sentAt, byte[] body) {}
