package io.syncline.it;

import static io.syncline.it.ChannelWebhooks.SHOPIFY_SECRET;
import static io.syncline.it.ChannelWebhooks.TIKTOK_APP_KEY;
import static io.syncline.it.ChannelWebhooks.TIKTOK_CIPHER;
import static io.syncline.it.ChannelWebhooks.TIKTOK_SECRET;
import static io.syncline.it.ChannelWebhooks.TIKTOK_TOKEN;
import static io.syncline.it.OrderFlowIT.await;
import static io.syncline.it.OrderFlowIT.awaitReserved;
import static io.syncline.it.OrderFlowIT.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.syncline.gateway.channels.testing.ChannelFixtures;
import io.syncline.gateway.channels.testing.TikTokApiStub;
import io.syncline.gateway.channels.testing.TikTokApiStub.Answer;
import io.syncline.platform.test.ApiClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * Webhooks from Shopify and TikTok Shop through real HTTP, as raw signed bytes, into orders on PostgreSQL:
 * signatures, de-duplication under concurrent copies, out-of-order deliveries, limits, failures and their
 * retries, the order read from TikTok's Order Detail API on a real HTTP server, and secrets kept out of every
 * read, log line and event.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "syncline.channels.deliveries.retry.initial-interval=300ms")
class ChannelWebhooksIT extends StandaloneIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiClient root;
    private ChannelWebhooks hooks;
    private String channel;
    private String tag;

    @BeforeEach
    void channel() {
        root = client().login("root", "secret");
        hooks = new ChannelWebhooks(port);
        tag = UUID.randomUUID().toString().substring(0, 8);
        channel = "shop-" + tag;
    }

    @Test
    void aShopifyOrderIsPlacedWithItsIdKeptExactlyThenShippedAndAnOlderCancellationChangesNothing() {
        ChannelWebhooks.connectShopify(root, channel);
        stock("A-" + tag, 5);
        stock("B-" + tag, 5);
        String id = "9007199254740993"; // 2^53 + 1: a double would make it ...992

        ApiClient.Response created = hooks.shopify(
                "m1", channel, "orders/create", UUID.randomUUID().toString(), order("orders-create.json", id));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        JsonNode delivery = awaitDelivery(created, "PROCESSED");
        String orderId = delivery.get("orderId").asText();
        JsonNode order = awaitStatus(alice, orderId, "CONFIRMED");
        assertThat(order.get("channel").asText()).isEqualTo(channel);
        assertThat(order.get("channelOrderId").asText()).isEqualTo(id);
        assertThat(order.get("lines").toString()).contains("\"A-" + tag + "\"", "\"B-" + tag + "\"");
        awaitReserved(alice, "B-" + tag, 2);

        byte[] fulfilled = ChannelFixtures.text("shopify/orders-fulfilled.json")
                .replace("450789469", id)
                .getBytes(StandardCharsets.UTF_8);
        awaitDelivery(
                hooks.shopify(
                        "m1", channel, "orders/fulfilled", UUID.randomUUID().toString(), fulfilled),
                "PROCESSED");
        awaitStatus(alice, orderId, "SHIPPED");

        // the cancellation's updated_at (2021) is older than the fulfilment's (2024)
        JsonNode older = awaitDelivery(
                hooks.shopify(
                        "m1",
                        channel,
                        "orders/cancelled",
                        UUID.randomUUID().toString(),
                        order("orders-cancelled.json", id)),
                "IGNORED");
        assertThat(older.get("error").asText()).contains("Older");
        assertThat(alice.get("/api/orders/" + orderId).json().get("status").asText())
                .isEqualTo("SHIPPED");
    }

    @Test
    void aBadMissingOrReserialisedSignatureIs401AndRecordsNothing() throws Exception {
        ChannelWebhooks.connectShopify(root, channel);
        stock("A-" + tag, 5);
        stock("B-" + tag, 5);
        byte[] body = order("orders-create.json", "10017");
        String event = UUID.randomUUID().toString();

        ApiClient.Response wrongSecret =
                hooks.shopify("m1", channel, "orders/create", event, body, "shpss_not-the-channels-secret");
        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(wrongSecret.isProblem()).isTrue();

        ApiClient.Response unsigned = hooks.post(
                "/webhooks/shopify/m1/" + channel, body, ChannelWebhooks.shopifyHeaders("orders/create", event));
        assertThat(unsigned.status()).isEqualTo(401);

        // the same JSON, re-serialised after it was signed: the signature is over bytes, not meaning
        byte[] reserialised = JSON.writeValueAsBytes(JSON.readTree(body));
        assertThat(reserialised).isNotEqualTo(body);
        var headers = ChannelWebhooks.shopifyHeaders("orders/create", event);
        headers.put("X-Shopify-Hmac-Sha256", ChannelFixtures.shopifySignature(SHOPIFY_SECRET, body));
        assertThat(hooks.post("/webhooks/shopify/m1/" + channel, reserialised, headers)
                        .status())
                .isEqualTo(401);

        String tiktok = "tt-" + tag;
        ChannelWebhooks.connectTikTok(root, tiktok, "http://127.0.0.1:9");
        var forged = Map.of(
                "Content-Type",
                "application/json",
                "Authorization",
                ChannelFixtures.tiktokSignature(TIKTOK_APP_KEY, "not-the-app-secret", body));
        assertThat(hooks.post("/webhooks/tiktok/m1/" + tiktok, ChannelWebhooks.tiktokStatus("1", "2", "X", 1), forged)
                        .status())
                .isEqualTo(401);

        assertThat(deliveries(channel).get("total").asLong()).isZero();
        assertThat(deliveries(tiktok).get("total").asLong()).isZero();
        assertThat(alice.get("/api/inventory/A-" + tag).json().get("reserved").asInt())
                .isZero();
    }

    @Test
    void threeCopiesOfADeliveryAtOnceHaveOneEffect() throws Exception {
        ChannelWebhooks.connectShopify(root, channel);
        stock("A-" + tag, 10);
        stock("B-" + tag, 10);
        byte[] body = order("orders-create.json", "4200000000000000042");
        String event = UUID.randomUUID().toString();

        List<ApiClient.Response> answers =
                concurrently(3, () -> hooks.shopify("m1", channel, "orders/create", event, body));
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
        assertThat(answers.stream()
                        .map(a -> a.json().get("deliveryId").asText())
                        .distinct())
                .hasSize(1);

        awaitDelivery(answers.get(0), "PROCESSED");
        awaitReserved(alice, "B-" + tag, 2);
        assertThat(deliveries(channel).get("total").asLong()).isEqualTo(1);
        assertThat(alice.get("/api/inventory/A-" + tag).json().get("reserved").asInt())
                .isEqualTo(1);
    }

    @Test
    void aCancellationBeforeItsCreationEndsCancelledWithNothingReserved() {
        ChannelWebhooks.connectShopify(root, channel);
        stock("A-" + tag, 5);
        stock("B-" + tag, 5);
        String id = "5100000000000000001";

        JsonNode cancel = awaitDelivery(
                hooks.shopify(
                        "m1",
                        channel,
                        "orders/cancelled",
                        UUID.randomUUID().toString(),
                        order("orders-cancelled.json", id)),
                "PROCESSED");
        assertThat(cancel.get("orderId").isNull()).isTrue();

        JsonNode create = awaitDelivery(
                hooks.shopify(
                        "m1", channel, "orders/create", UUID.randomUUID().toString(), order("orders-create.json", id)),
                "PROCESSED");
        String orderId = create.get("orderId").asText();
        awaitStatus(alice, orderId, "CANCELLED");
        awaitReserved(alice, "A-" + tag, 0);
        awaitReserved(alice, "B-" + tag, 0);
    }

    @Test
    void limitsAndUnknownOrDisabledChannelsAreRefusedAndASignedMalformedBodyIsAFailedDelivery() {
        ChannelWebhooks.connectShopify(root, channel);

        byte[] huge = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        huge[huge.length - 1] = '}';
        ApiClient.Response tooLarge =
                hooks.shopify("m1", channel, "orders/create", UUID.randomUUID().toString(), huge);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.isProblem()).isTrue();

        byte[] body = order("orders-create.json", "77");
        assertThat(hooks.shopify("m1", "no-such-shop", "orders/create", "e1", body)
                        .status())
                .isEqualTo(404);
        assertThat(hooks.shopify("m2", channel, "orders/create", "e1", body).status())
                .as("another merchant's path")
                .isEqualTo(404);
        assertThat(hooks.tiktok("m1", channel, body).status())
                .as("a Shopify channel on the TikTok route")
                .isEqualTo(404);
        assertThat(deliveries(channel).get("total").asLong()).isZero();

        ApiClient.Response malformed = hooks.shopify(
                "m1",
                channel,
                "orders/create",
                UUID.randomUUID().toString(),
                "{\"id\": 88, \"line_items\": [".getBytes(StandardCharsets.UTF_8));
        assertThat(malformed.status()).isEqualTo(200);
        JsonNode failed = awaitDelivery(malformed, "FAILED");
        assertThat(failed.get("error").asText()).contains("not valid JSON");
        assertThat(failed.get("attempts").asInt()).isEqualTo(1);
        assertThat(failed.get("nextAttemptAt").isNull())
                .as("malformed will not pass")
                .isTrue();

        String disabled = "off-" + tag;
        ChannelWebhooks.connectShopify(root, disabled);
        ApiClient.Response off = root.put(
                "/api/channels/" + disabled,
                Map.of(
                        "kind",
                        "SHOPIFY",
                        "apiBaseUrl",
                        "https://acme.myshopify.com",
                        "locationId",
                        "gid://shopify/Location/24826418",
                        "enabled",
                        false));
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        assertThat(hooks.shopify("m1", disabled, "orders/create", "e2", body).status())
                .isEqualTo(404);
    }

    @Test
    void anUnknownSkuFailsUntilTheSkuExistsAndARetryOnRequestPlacesTheOrder() {
        ChannelWebhooks.connectShopify(root, channel);
        stock("A-" + tag, 5);
        ApiClient.Response sent = hooks.shopify(
                "m1", channel, "orders/create", UUID.randomUUID().toString(), order("orders-create.json", "31337"));
        JsonNode failed = awaitDelivery(sent, "FAILED");
        assertThat(failed.get("error").asText()).contains("Unknown SKU B-" + tag);
        assertThat(failed.get("nextAttemptAt").isNull()).as("may pass: retried").isFalse();
        String deliveryId = failed.get("deliveryId").asText();

        assertThat(alice.post("/api/channels/" + channel + "/deliveries/" + deliveryId + "/retry", Map.of())
                        .status())
                .as("ADMIN only")
                .isEqualTo(403);
        stock("B-" + tag, 5);
        ApiClient.Response retry =
                root.post("/api/channels/" + channel + "/deliveries/" + deliveryId + "/retry", Map.of());
        assertThat(retry.status()).as(retry.body()).isIn(202, 409); // the backoff may have beaten the request
        JsonNode processed = awaitDelivery(sent, "PROCESSED");
        awaitStatus(alice, processed.get("orderId").asText(), "CONFIRMED");
        assertThat(root.post("/api/channels/" + channel + "/deliveries/" + deliveryId + "/retry", Map.of())
                        .status())
                .isEqualTo(409);
        assertThat(deliveries(channel, "PROCESSED").get("total").asLong()).isEqualTo(1);
        assertThat(deliveries(channel, "FAILED").get("total").asLong()).isZero();
    }

    @Test
    void aChannelsQuantityIsRecordedOnItsListingAndAsAnEventAndAnOlderOneChangesNothing() {
        ChannelWebhooks.connectShopify(root, channel);
        stock("A-" + tag, 5);
        String item = "271878346596884015";
        assertThat(root.put(
                                "/api/channels/" + channel + "/listings/A-" + tag,
                                Map.of("inventoryItemId", "gid://shopify/InventoryItem/" + item))
                        .status())
                .isEqualTo(201);

        awaitDelivery(
                hooks.shopify(
                        "m1",
                        channel,
                        "inventory_levels/update",
                        UUID.randomUUID().toString(),
                        ChannelWebhooks.shopifyLevel(item, 3, "2026-11-30T10:00:00Z")),
                "PROCESSED");
        JsonNode older = awaitDelivery(
                hooks.shopify(
                        "m1",
                        channel,
                        "inventory_levels/update",
                        UUID.randomUUID().toString(),
                        ChannelWebhooks.shopifyLevel(item, 9, "2026-11-30T09:00:00Z")),
                "IGNORED");
        assertThat(older.get("error").asText()).contains("later quantity");
        JsonNode listing = root.get("/api/channels/" + channel + "/listings")
                .json()
                .get("items")
                .get(0);
        assertThat(listing.get("channelQuantity").asInt()).isEqualTo(3);

        awaitDelivery(
                hooks.shopify(
                        "m1",
                        channel,
                        "inventory_levels/update",
                        UUID.randomUUID().toString(),
                        ChannelWebhooks.shopifyLevel("999", 1, "2026-11-30T11:00:00Z")),
                "IGNORED");

        await(
                () -> root.get("/api/events?type=ChannelQuantityReported")
                                .json()
                                .get("items")
                                .size()
                        == 1,
                "the channel quantity event in the event browser");
        JsonNode event = root.get("/api/events?type=ChannelQuantityReported")
                .json()
                .get("items")
                .get(0);
        assertThat(event.get("payload").get("channelQuantity").asInt()).isEqualTo(3);
        assertThat(event.get("payload").get("sku").asText()).isEqualTo("A-" + tag);
        assertThat(event.get("payload").get("channelItemId").asText()).isEqualTo("gid://shopify/InventoryItem/" + item);
    }

    @Test
    void aTikTokOrderIsReadFromTheOrderDetailApiRetriedWhileItFailsAndNoSecretEverShows(CapturedOutput output)
            throws Exception {
        stock("red_iphone_256", 10);
        stock("yellow-24-XL", 10);
        // TikTok's ids are strings; this one is above 2^53 too
        String orderId = "57646141303" + (1_000_000 + Math.abs(tag.hashCode() % 1_000_000));
        try (TikTokApiStub tiktok =
                new TikTokApiStub(TIKTOK_APP_KEY, TIKTOK_SECRET, TIKTOK_TOKEN, TIKTOK_CIPHER, null)) {
            tiktok.answering(
                    Answer.of(200, ChannelFixtures.text("tiktok/error-internal.json")),
                    Answer.of(200, ChannelWebhooks.tiktokOrderDetail(orderId)));
            String shop = "tt-" + tag;
            ChannelWebhooks.connectTikTok(root, shop, tiktok.baseUrl().toString());

            long now = System.currentTimeMillis() / 1000;
            byte[] ready = ChannelWebhooks.tiktokStatus("n1-" + tag, orderId, "AWAITING_SHIPMENT", now);
            List<ApiClient.Response> copies = concurrently(3, () -> hooks.tiktok("m1", shop, ready));
            assertThat(copies).allSatisfy(a -> assertThat(a.status()).isEqualTo(200));

            JsonNode placed = awaitDelivery(shop, copies.get(0), "PROCESSED");
            assertThat(placed.get("attempts").asInt())
                    .as("failed once, then read")
                    .isEqualTo(2);
            assertThat(tiktok.problems())
                    .as("every read signed as TikTok checks it")
                    .isEmpty();
            assertThat(tiktok.queries())
                    .allSatisfy(q -> assertThat(q.get("ids")).isEqualTo(orderId));
            String ours = placed.get("orderId").asText();
            JsonNode order = awaitStatus(alice, ours, "CONFIRMED");
            assertThat(order.get("channelOrderId").asText()).isEqualTo(orderId);
            // one unit per line item: the fixture lists red_iphone_256 twice
            assertThat(order.get("lines").toString())
                    .contains("{\"sku\":\"red_iphone_256\",\"quantity\":2}")
                    .contains("{\"sku\":\"yellow-24-XL\",\"quantity\":1}");
            assertThat(deliveries(shop).get("total").asLong()).isEqualTo(1);

            awaitDelivery(
                    shop,
                    hooks.tiktok(
                            "m1", shop, ChannelWebhooks.tiktokStatus("n2-" + tag, orderId, "IN_TRANSIT", now + 60)),
                    "PROCESSED");
            awaitStatus(alice, ours, "SHIPPED");

            String other = orderId + "9";
            tiktok.answering(Answer.of(200, ChannelWebhooks.tiktokOrderDetail(other)));
            awaitDelivery(
                    shop,
                    hooks.tiktok("m1", shop, ChannelWebhooks.tiktokStatus("n3-" + tag, other, "CANCELLED", now + 5)),
                    "PROCESSED");
            JsonNode late = awaitDelivery(
                    shop,
                    hooks.tiktok(
                            "m1", shop, ChannelWebhooks.tiktokStatus("n4-" + tag, other, "AWAITING_SHIPMENT", now)),
                    "PROCESSED");
            awaitStatus(alice, late.get("orderId").asText(), "CANCELLED");
            awaitReserved(alice, "red_iphone_256", 0);
            awaitReserved(alice, "yellow-24-XL", 0);

            JsonNode ignored = awaitDelivery(
                    shop,
                    hooks.tiktok("m1", shop, ChannelWebhooks.tiktokStatus("n5-" + tag, other, "UNPAID", now + 10)),
                    "IGNORED");
            assertThat(ignored.get("error").asText()).contains("UNPAID");

            String channelRead = root.get("/api/channels/" + shop).body()
                    + root.get("/api/channels").body();
            String events = root.get("/api/events?limit=500").body();
            for (String secret : List.of(TIKTOK_SECRET, TIKTOK_TOKEN, SHOPIFY_SECRET)) {
                assertThat(channelRead).doesNotContain(secret);
                assertThat(events).doesNotContain(secret);
                assertThat(output.getAll()).doesNotContain(secret);
            }
            assertThat(channelRead).contains("\"webhookSecretSet\":true", "\"accessTokenSet\":true");
        }
    }

    @Test
    void aTikTokDeliveryUnsignedReserialisedTooLargeMalformedOrForAnUnknownOrDisabledChannelIsRefusedOrFailed()
            throws Exception {
        String shop = "tt-" + tag;
        ChannelWebhooks.connectTikTok(root, shop, "http://127.0.0.1:9");
        byte[] body = ChannelWebhooks.tiktokStatus("n-" + tag, "576461413038785752", "AWAITING_SHIPMENT", 1);

        assertThat(hooks.post("/webhooks/tiktok/m1/" + shop, body, Map.of("Content-Type", "application/json"))
                        .status())
                .as("no Authorization")
                .isEqualTo(401);
        byte[] reserialised = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(JSON.readTree(body));
        var signedOriginal = Map.of(
                "Content-Type",
                "application/json",
                "Authorization",
                ChannelFixtures.tiktokSignature(TIKTOK_APP_KEY, TIKTOK_SECRET, body));
        assertThat(hooks.post("/webhooks/tiktok/m1/" + shop, reserialised, signedOriginal)
                        .status())
                .isEqualTo(401);
        byte[] huge = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        assertThat(hooks.tiktok("m1", shop, huge).status()).isEqualTo(413);
        assertThat(hooks.tiktok("m1", "tt-nowhere", body).status()).isEqualTo(404);
        assertThat(deliveries(shop).get("total").asLong()).isZero();

        ApiClient.Response malformed = hooks.tiktok("m1", shop, "{\"type\":1,".getBytes(StandardCharsets.UTF_8));
        assertThat(malformed.status()).isEqualTo(200);
        JsonNode failed = awaitDelivery(shop, malformed, "FAILED");
        assertThat(failed.get("error").asText()).contains("not TikTok's webhook envelope");
        assertThat(hooks.tiktok("m1", shop, "{\"type\":1,".getBytes(StandardCharsets.UTF_8))
                        .json()
                        .get("duplicate")
                        .asBoolean())
                .isTrue();

        ApiClient.Response off = root.put(
                "/api/channels/" + shop,
                Map.of(
                        "kind",
                        "TIKTOK_SHOP",
                        "apiBaseUrl",
                        "http://127.0.0.1:9",
                        "appKey",
                        TIKTOK_APP_KEY,
                        "shopCipher",
                        TIKTOK_CIPHER,
                        "enabled",
                        false));
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        assertThat(hooks.tiktok("m1", shop, body).status()).isEqualTo(404);
        assertThat(deliveries(shop).get("total").asLong()).isEqualTo(1);
    }

    private void stock(String sku, int onHand) {
        ApiClient.Response put = alice.put("/api/inventory/" + sku, Map.of("onHand", onHand, "lowStockThreshold", 0));
        assertThat(put.status()).as(put.body()).isIn(200, 201);
        await(() -> alice.get("/api/inventory/" + sku).status() == 200, sku + " readable");
    }

    private byte[] order(String fixture, String id) {
        return ChannelWebhooks.shopifyOrder(fixture, id, "A-" + tag, "B-" + tag);
    }

    private JsonNode deliveries(String channelId) {
        return root.get("/api/channels/" + channelId + "/deliveries").json();
    }

    private JsonNode deliveries(String channelId, String status) {
        return root.get("/api/channels/" + channelId + "/deliveries?status=" + status)
                .json();
    }

    private JsonNode awaitDelivery(ApiClient.Response sent, String status) {
        return awaitDelivery(channel, sent, status);
    }

    /** Waits until the delivery the answer names has the status, and returns it. */
    private JsonNode awaitDelivery(String channelId, ApiClient.Response sent, String status) {
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        String id = sent.json().get("deliveryId").asText();
        AtomicReference<JsonNode> seen = new AtomicReference<>();
        await(
                () -> {
                    for (JsonNode d : deliveries(channelId).get("items")) {
                        if (d.get("deliveryId").asText().equals(id)) {
                            seen.set(d);
                            return d.get("status").asText().equals(status);
                        }
                    }
                    return false;
                },
                "delivery " + id + " " + status + " (last seen " + seen.get() + ")");
        return seen.get();
    }

    private static List<ApiClient.Response> concurrently(int copies, Callable<ApiClient.Response> send)
            throws Exception {
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
