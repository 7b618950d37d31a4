package io.syncline.gateway.channels.shopify;

import io.syncline.gateway.channels.testing.ChannelFixtures;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Shopify's payloads as stored (see SOURCES.md beside them), and deliveries signed as Shopify signs them. */
final class ShopifyFixtures {

    static final String SECRET = "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";
    static final String EVENT_ID = "5b6a7988-0706-45b4-93d2-e1f01f2e3d4c";
    static final String WEBHOOK_ID = "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043";
    static final String TRIGGERED_AT = "2023-03-29T18:00:27.877041743Z";

    private ShopifyFixtures() {}

    static byte[] fixture(String name) {
        return ChannelFixtures.bytes("shopify/" + name);
    }

    static byte[] utf8(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] hmac(String secret, byte[] body) {
        return ChannelFixtures.hmacSha256(secret, body);
    }

    static String signature(String secret, byte[] body) {
        return ChannelFixtures.shopifySignature(secret, body);
    }

    /** The headers Shopify sends with a delivery of {@code body}, signed with {@link #SECRET}. */
    static Map<String, String> headers(String topic, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Shopify-Topic", topic);
        headers.put("X-Shopify-Hmac-Sha256", signature(SECRET, body));
        headers.put("X-Shopify-Shop-Domain", "jsmith.myshopify.com");
        headers.put("X-Shopify-API-Version", "2025-07");
        headers.put("X-Shopify-Webhook-Id", WEBHOOK_ID);
        headers.put("X-Shopify-Event-Id", EVENT_ID);
        headers.put("X-Shopify-Triggered-At", TRIGGERED_AT);
        return headers;
    }
}
