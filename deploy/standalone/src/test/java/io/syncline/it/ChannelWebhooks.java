package io.syncline.it;

import static io.syncline.it.OrderFlowIT.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncline.gateway.channels.testing.ChannelFixtures;
import io.syncline.platform.test.ApiClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Deliveries as Shopify and TikTok Shop send them, built from the platforms' own payloads (the gateway's
 * channel fixtures) and signed the platforms' way, sent as raw bytes to a running Syncline; and what the
 * webhook tests read back: the stock they need, a channel's deliveries, a delivery awaited to a status.
 */
final class ChannelWebhooks {

    static final String SHOPIFY_SECRET = "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";
    static final String TIKTOK_APP_KEY = "6abcd1234efgh";
    static final String TIKTOK_SECRET = "e59af819cc7d4a8fb23f0d5b5d6c7e8f90a1b2c3";
    static final String TIKTOK_TOKEN = "ROW_tt-access-token-of-the-shop";
    static final String TIKTOK_CIPHER = "ROW_cipher-of-the-shop";
    /** The order id of the Shopify fixtures; above 2^53, so only exact handling keeps it. */
    static final String SHOPIFY_FIXTURE_ORDER = "820982911946154508";

    private final ApiClient client;

    ChannelWebhooks(int port) {
        this.client = new ApiClient(port);
    }

    /** Connects a Shopify channel of the admin's merchant with {@link #SHOPIFY_SECRET}. */
    static void connectShopify(ApiClient admin, String channelId) {
        ApiClient.Response put = admin.put(
                "/api/channels/" + channelId,
                Map.of(
                        "kind", "SHOPIFY",
                        "name", "Acme on Shopify",
                        "apiBaseUrl", "https://acme.myshopify.com",
                        "webhookSecret", SHOPIFY_SECRET,
                        "accessToken", "shpat_" + UUID.randomUUID().toString().replace("-", ""),
                        "locationId", "gid://shopify/Location/24826418",
                        "enabled", true));
        if (put.status() / 100 != 2) {
            throw new AssertionError("channel not connected: " + put.body());
        }
    }

    /** Connects a TikTok Shop channel whose Open API is at {@code apiBaseUrl}. */
    static void connectTikTok(ApiClient admin, String channelId, String apiBaseUrl) {
        ApiClient.Response put = admin.put(
                "/api/channels/" + channelId,
                Map.of(
                        "kind", "TIKTOK_SHOP",
                        "apiBaseUrl", apiBaseUrl,
                        "webhookSecret", TIKTOK_SECRET,
                        "accessToken", TIKTOK_TOKEN,
                        "appKey", TIKTOK_APP_KEY,
                        "shopCipher", TIKTOK_CIPHER,
                        "enabled", true));
        if (put.status() / 100 != 2) {
            throw new AssertionError("channel not connected: " + put.body());
        }
    }

    /** Shopify's orders/create fixture as order {@code orderId} with its two lines of the given SKUs. */
    static byte[] shopifyOrder(String fixture, String orderId, String firstSku, String secondSku) {
        String body = ChannelFixtures.text("shopify/" + fixture)
                .replace(SHOPIFY_FIXTURE_ORDER, orderId)
                .replace("\"IPOD2008PINK\"", "\"" + firstSku + "\"")
                .replace("\"IPOD2008RED\"", "\"" + secondSku + "\"");
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** Shopify's inventory_levels/update fixture for an item at the fixture's location. */
    static byte[] shopifyLevel(String inventoryItemId, int available, String updatedAt) {
        return ("{\"inventory_item_id\":" + inventoryItemId + ",\"location_id\":24826418,\"available\":" + available
                        + ",\"updated_at\":\"" + updatedAt + "\",\"admin_graphql_api_id\":"
                        + "\"gid://shopify/InventoryLevel/24826418?inventory_item_id=" + inventoryItemId + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** TikTok Shop's order status change, in the shape of its webhook fixture. */
    static byte[] tiktokStatus(String notificationId, String orderId, String status, long updateTime) {
        return ("{\"type\":1,\"tts_notification_id\":\"" + notificationId + "\",\"shop_id\":\"7494726673780148744\","
                        + "\"timestamp\":" + updateTime + ",\"data\":{\"order_id\":\"" + orderId
                        + "\",\"order_status\":\"" + status + "\",\"update_time\":" + updateTime + "}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** TikTok Shop's Order Detail answer for {@code orderId}: the fixture's order with its line items. */
    static String tiktokOrderDetail(String orderId) {
        return ChannelFixtures.text("tiktok/order-detail-202309.json").replace("576461413038785752", orderId);
    }

    /** Sends a Shopify delivery signed with {@code secret}. */
    ApiClient.Response shopify(
            String merchantId, String channelId, String topic, String eventId, byte[] body, String secret) {
        Map<String, String> headers = shopifyHeaders(topic, eventId);
        headers.put("X-Shopify-Hmac-Sha256", ChannelFixtures.shopifySignature(secret, body));
        return post("/webhooks/shopify/" + merchantId + "/" + channelId, body, headers);
    }

    /** Sends a Shopify delivery signed with {@link #SHOPIFY_SECRET}. */
    ApiClient.Response shopify(String merchantId, String channelId, String topic, String eventId, byte[] body) {
        return shopify(merchantId, channelId, topic, eventId, body, SHOPIFY_SECRET);
    }

    /** Sends a TikTok Shop delivery signed with {@link #TIKTOK_SECRET}. */
    ApiClient.Response tiktok(String merchantId, String channelId, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Authorization", ChannelFixtures.tiktokSignature(TIKTOK_APP_KEY, TIKTOK_SECRET, body));
        return post("/webhooks/tiktok/" + merchantId + "/" + channelId, body, headers);
    }

    ApiClient.Response post(String path, byte[] body, Map<String, String> headers) {
        return client.raw("POST", path, HttpRequest.BodyPublishers.ofByteArray(body), headers);
    }

    static Map<String, String> shopifyHeaders(String topic, String eventId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Shopify-Topic", topic);
        headers.put("X-Shopify-Shop-Domain", "acme.myshopify.com");
        headers.put("X-Shopify-API-Version", "2026-10");
        headers.put("X-Shopify-Webhook-Id", UUID.randomUUID().toString());
        headers.put("X-Shopify-Event-Id", eventId);
        headers.put("X-Shopify-Triggered-At", Instant.now().toString());
        return headers;
    }

    /** Counts {@code onHand} of {@code sku} and waits until the stock is readable. */
    static void stock(ApiClient operator, String sku, int onHand) {
        ApiClient.Response put =
                operator.put("/api/inventory/" + sku, Map.of("onHand", onHand, "lowStockThreshold", 0));
        assertThat(put.status()).as(put.body()).isIn(200, 201);
        await(() -> operator.get("/api/inventory/" + sku).status() == 200, sku + " readable");
    }

    /** The first page of a channel's deliveries. */
    static JsonNode deliveries(ApiClient reader, String channelId) {
        return reader.get("/api/channels/" + channelId + "/deliveries").json();
    }

    /** The first page of a channel's deliveries of one status. */
    static JsonNode deliveries(ApiClient reader, String channelId, String status) {
        return reader.get("/api/channels/" + channelId + "/deliveries?status=" + status)
                .json();
    }

    /** Waits until the delivery the webhook's answer names has the status, and returns it. */
    static JsonNode awaitDelivery(ApiClient reader, String channelId, ApiClient.Response sent, String status) {
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        return awaitDelivery(reader, channelId, sent.json().get("deliveryId").asText(), status);
    }

    /** Waits until the channel's delivery {@code deliveryId} has the status, and returns it. */
    static JsonNode awaitDelivery(ApiClient reader, String channelId, String deliveryId, String status) {
        AtomicReference<JsonNode> seen = new AtomicReference<>();
        try {
            await(
                    () -> {
                        for (JsonNode d : deliveries(reader, channelId).get("items")) {
                            if (d.get("deliveryId").asText().equals(deliveryId)) {
                                seen.set(d);
                                return d.get("status").asText().equals(status);
                            }
                        }
                        return false;
                    },
                    "delivery " + deliveryId + " " + status);
        } catch (AssertionError timedOut) {
            // what it came to instead is the useful part
            throw new AssertionError(timedOut.getMessage() + " (last seen " + seen.get() + ")", timedOut);
        }
        return seen.get();
    }

    /** Sends {@code copies} copies at the same moment from as many threads; their answers in order. */
    static List<ApiClient.Response> concurrently(int copies, Callable<ApiClient.Response> send) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(copies);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ApiClient.Response>> futures = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return send.call();
                }));
            }
            start.countDown();
            List<ApiClient.Response> answers = new ArrayList<>();
            for (Future<ApiClient.Response> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
