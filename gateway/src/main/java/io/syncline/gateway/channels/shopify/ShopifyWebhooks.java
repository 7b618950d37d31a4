package io.syncline.gateway.channels.shopify;

import io.syncline.gateway.channels.ChannelNotice;
import io.syncline.gateway.channels.UnreadableDeliveryException;
import io.syncline.gateway.channels.WebhookDelivery;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reads Shopify's HTTPS webhook deliveries: checks their signature, then reads the REST resource in the
 * body into a {@link ChannelNotice}. Stateless.
 *
 * <p>Stock goes back to Shopify through the GraphQL Admin API, so listings keep Shopify's GraphQL ids: an
 * {@code inventory_levels/update} for {@code inventory_item_id} 808950810 at {@code location_id} 655441491
 * is reported as item {@code gid://shopify/InventoryItem/808950810} at {@code gid://shopify/Location/655441491}.
 */
public final class ShopifyWebhooks {

    /** The topic of a stock report: a listing's quantity changed on the shop. */
    public static final String INVENTORY_TOPIC = "inventory_levels/update";

    /** The topics that only report what a listing shows, never a sale or a change of an order. */
    public static final Set<String> STOCK_REPORT_TOPICS = Set.of(INVENTORY_TOPIC);

    public static final String HMAC = "X-Shopify-Hmac-Sha256";
    public static final String TOPIC = "X-Shopify-Topic";
    public static final String SHOP_DOMAIN = "X-Shopify-Shop-Domain";
    public static final String WEBHOOK_ID = "X-Shopify-Webhook-Id";
    public static final String EVENT_ID = "X-Shopify-Event-Id";
    public static final String TRIGGERED_AT = "X-Shopify-Triggered-At";
    public static final String API_VERSION = "X-Shopify-API-Version";

    private ShopifyWebhooks() {}

    /**
     * The delivery, when {@code X-Shopify-Hmac-Sha256} is the base64 HMAC-SHA256 of exactly these bytes under
     * the app's webhook secret. Empty (the caller answers 401) when the signature is missing, not base64 or
     * wrong, or when the topic or both ids are missing. The de-duplication key is {@code X-Shopify-Event-Id},
     * else {@code X-Shopify-Webhook-Id}. Shopify gives one event id to every delivery of one merchant action,
     * whatever its topic, so a duplicate is the same id under the same topic and shop.
     */
    public static Optional<WebhookDelivery> verify(byte[] body, Map<String, String> headers, String webhookSecret) {
        Objects.requireNonNull(body, "body");
        if (webhookSecret == null || webhookSecret.isEmpty()) {
            // an empty key would accept anything signed with an empty key: a configuration error, not a 401
            throw new IllegalArgumentException("no Shopify webhook secret is configured");
        }
        Map<String, String> named = caseInsensitive(headers);
        if (!signed(body, named.get(HMAC), webhookSecret)) {
            return Optional.empty();
        }
        Optional<String> topic = present(named.get(TOPIC));
        Optional<String> deliveryId = present(named.get(EVENT_ID)).or(() -> present(named.get(WEBHOOK_ID)));
        if (topic.isEmpty() || deliveryId.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new WebhookDelivery(deliveryId.get(), topic.get(), sentAt(named.get(TRIGGERED_AT)), body));
    }

    /** A header by name, whatever its case (HTTP/2 lowercases them); empty when absent or blank. */
    public static Optional<String> header(Map<String, String> headers, String name) {
        return present(caseInsensitive(headers).get(name));
    }

    /**
     * What a verified delivery means for Syncline.
     *
     * @throws UnreadableDeliveryException when the body is not the resource its topic promises
     */
    public static ChannelNotice read(WebhookDelivery delivery) {
        String topic = Objects.requireNonNull(delivery.topic(), "topic");
        return switch (topic) {
            case "orders/create" -> ShopifyResources.orderCreated(ShopifyResources.parse(delivery.body()));
            case "orders/cancelled" -> ShopifyResources.orderCancelled(ShopifyResources.parse(delivery.body()));
            case "orders/updated" -> ShopifyResources.orderUpdated(ShopifyResources.parse(delivery.body()));
            case "orders/fulfilled" -> ShopifyResources.orderShipped(ShopifyResources.parse(delivery.body()));
            case INVENTORY_TOPIC -> ShopifyResources.quantityReported(ShopifyResources.parse(delivery.body()));
            default -> new ChannelNotice.Ignored("Shopify topic " + topic + " is not one Syncline acts on");
        };
    }

    private static boolean signed(byte[] body, String header, String secret) {
        if (header == null) {
            return false;
        }
        byte[] claimed;
        try {
            claimed = Base64.getDecoder().decode(header.strip());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        return MessageDigest.isEqual(hmacSha256(secret, body), claimed);
    }

    private static byte[] hmacSha256(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static Map<String, String> caseInsensitive(Map<String, String> headers) {
        Map<String, String> named = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((name, value) -> {
                if (name != null) {
                    named.put(name, value);
                }
            });
        }
        return named;
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    // only informative: a delivery whose trigger time cannot be read is still the delivery
    private static Instant sentAt(String value) {
        try {
            return value == null ? null : OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
