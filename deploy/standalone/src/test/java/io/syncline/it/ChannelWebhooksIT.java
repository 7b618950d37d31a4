package io.syncline.it;

import static io.syncline.it.ChannelWebhooks.SHOPIFY_SECRET;
import static io.syncline.it.ChannelWebhooks.TIKTOK_APP_KEY;
import static io.syncline.it.ChannelWebhooks.TIKTOK_CIPHER;
import static io.syncline.it.ChannelWebhooks.TIKTOK_SECRET;
import static io.syncline.it.ChannelWebhooks.TIKTOK_TOKEN;
import static io.syncline.it.OrderFlowIT.await;
import static io.syncline.it.OrderFlowIT.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.syncline.gateway.channels.testing.ChannelFixtures;
import io.syncline.platform.test.ApiClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * read, log line and event. The flows that must hold on every database are {@link ChannelWebhookFlows}'s,
 * which ChannelWebhooksH2IT runs on the embedded H2 default.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "syncline.channels.deliveries.retry.initial-interval=300ms")
class ChannelWebhooksIT extends StandaloneIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiClient root;
    private ChannelWebhooks hooks;
    private String channel;
    private String tag;
    private ChannelWebhookFlows flows;

    @BeforeEach
    void channel() {
        root = client().login("root", "secret");
        hooks = new ChannelWebhooks(port);
        tag = UUID.randomUUID().toString().substring(0, 8);
        channel = ChannelWebhookFlows.channelOf(tag);
        flows = new ChannelWebhookFlows(hooks, root, alice, "m1", tag);
    }

    @Test
    void aShopifyOrderIsPlacedWithItsIdKeptExactlyThenShippedAndAnOlderCancellationChangesNothing() {
        flows.aShopifyOrderIsPlacedWithItsIdKeptExactlyThenShippedAndAnOlderCancellationChangesNothing();
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
        flows.threeCopiesOfADeliveryAtOnceHaveOneEffect();
    }

    @Test
    void aCancellationBeforeItsCreationEndsCancelledWithNothingReserved() {
        flows.aCancellationBeforeItsCreationEndsCancelledWithNothingReserved();
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
        String shop = flows.aTikTokOrderIsReadFromTheOrderDetailApiRetriedWhileItFails();

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
        JsonNode failed = ChannelWebhooks.awaitDelivery(root, shop, malformed, "FAILED");
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
        ChannelWebhooks.stock(alice, sku, onHand);
    }

    private byte[] order(String fixture, String id) {
        return ChannelWebhooks.shopifyOrder(fixture, id, "A-" + tag, "B-" + tag);
    }

    private JsonNode deliveries(String channelId) {
        return ChannelWebhooks.deliveries(root, channelId);
    }

    private JsonNode deliveries(String channelId, String status) {
        return ChannelWebhooks.deliveries(root, channelId, status);
    }

    private JsonNode awaitDelivery(ApiClient.Response sent, String status) {
        return ChannelWebhooks.awaitDelivery(root, channel, sent, status);
    }
}
