package io.syncline.gateway.channels.tiktok;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncline.gateway.channels.ChannelNotice.Ignored;
import io.syncline.gateway.channels.ChannelNotice.OrderCancelled;
import io.syncline.gateway.channels.ChannelNotice.OrderShipped;
import io.syncline.gateway.channels.WebhookDelivery;
import io.syncline.gateway.channels.tiktok.TikTokReading.Notice;
import io.syncline.gateway.channels.tiktok.TikTokReading.OrderToRead;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** TikTok Shop's webhooks: verifying a delivery, then reading it into Syncline's notices. */
public final class TikTokWebhooks {

    static final int ORDER_STATUS_CHANGE = 1;

    /** The webhook types that only report what a listing shows: none of those acted on is one. */
    public static final Set<String> STOCK_REPORT_TOPICS = Set.of();

    private static final Set<String> SHIPPED = Set.of("IN_TRANSIT", "DELIVERED", "COMPLETED");

    private TikTokWebhooks() {}

    /**
     * The delivery when its {@code Authorization} header is the hex HMAC-SHA256, keyed with the app secret,
     * of the app key followed by the raw body; empty when it is missing or does not match.
     *
     * @throws IllegalArgumentException when a correctly signed body is not TikTok's envelope
     */
    public static Optional<WebhookDelivery> verify(
            byte[] body, Map<String, String> headers, String appKey, String appSecret) {
        String given = header(headers, "Authorization");
        if (given == null || body == null) {
            return Optional.empty();
        }
        byte[] signed = concat(appKey.getBytes(StandardCharsets.UTF_8), body);
        String expected = TikTokSigner.hmacHex(appSecret, signed);
        // constant time, so the answer's timing gives no hint of how much of a guess was right
        if (!MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), given.trim().getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        JsonNode envelope = Json.object(body);
        String id = envelope == null ? null : Json.text(envelope, "tts_notification_id");
        String type = envelope == null ? null : Json.text(envelope, "type");
        if (id == null || type == null) {
            throw new IllegalArgumentException(
                    "a signed TikTok Shop delivery without tts_notification_id or type: not TikTok's webhook envelope");
        }
        return Optional.of(new WebhookDelivery(id, type, Json.seconds(envelope, "timestamp"), body));
    }

    /** What a verified delivery asks of Syncline. */
    public static TikTokReading read(WebhookDelivery delivery) {
        JsonNode envelope = Json.object(delivery.body());
        if (envelope == null) {
            throw new IllegalArgumentException("TikTok Shop delivery " + delivery.deliveryId() + " is not JSON");
        }
        if (!String.valueOf(ORDER_STATUS_CHANGE).equals(delivery.topic())) {
            return new Notice(new Ignored("TikTok Shop webhook type " + delivery.topic() + " is not acted on"));
        }
        JsonNode data = envelope.path("data");
        String orderId = Json.text(data, "order_id");
        String status = Json.text(data, "order_status");
        if (orderId == null || status == null) {
            throw new IllegalArgumentException("TikTok Shop order status change " + delivery.deliveryId()
                    + " has no data.order_id or data.order_status");
        }
        Instant updatedAt = Json.seconds(data, "update_time");
        Instant at = updatedAt != null ? updatedAt : delivery.sentAt();
        if (status.equals("AWAITING_SHIPMENT")) {
            return new OrderToRead(orderId, at);
        }
        if (status.equals("CANCELLED")) {
            String reason = Json.text(data, "cancel_reason");
            return new Notice(new OrderCancelled(orderId, reason != null ? reason : "cancelled on TikTok Shop", at));
        }
        if (SHIPPED.contains(status)) {
            return new Notice(new OrderShipped(orderId, at));
        }
        return new Notice(new Ignored("TikTok Shop order " + orderId + " is " + status + ": nothing to do"));
    }

    private static String header(Map<String, String> headers, String name) {
        // HTTP header names are case-insensitive; servlet and proxy spellings differ
        return headers.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
