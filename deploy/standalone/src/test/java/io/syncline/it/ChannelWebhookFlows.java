package io.syncline.it;

import static io.syncline.it.ChannelWebhooks.TIKTOK_APP_KEY;
import static io.syncline.it.ChannelWebhooks.TIKTOK_CIPHER;
import static io.syncline.it.ChannelWebhooks.TIKTOK_SECRET;
import static io.syncline.it.ChannelWebhooks.TIKTOK_TOKEN;
import static io.syncline.it.OrderFlowIT.awaitReserved;
import static io.syncline.it.OrderFlowIT.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncline.gateway.channels.testing.ChannelFixtures;
import io.syncline.gateway.channels.testing.TikTokApiStub;
import io.syncline.gateway.channels.testing.TikTokApiStub.Answer;
import io.syncline.platform.test.ApiClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The webhook flows that must hold on every database the standalone runs on, so that ChannelWebhooksIT
 * (PostgreSQL) and ChannelWebhooksH2IT (the embedded H2 default) run the very same steps. Each instance has
 * its own channel and SKUs (named by a random tag), so flows on one running application do not meet.
 */
final class ChannelWebhookFlows {

    private final ChannelWebhooks hooks;
    private final ApiClient admin;
    private final ApiClient operator;
    private final String merchantId;
    private final String tag;
    private final String channel;

    /**
     * @param admin    an ADMIN of {@code merchantId}, who connects the channels
     * @param operator an OPERATOR of {@code merchantId}, who counts stock and reads the orders
     */
    ChannelWebhookFlows(ChannelWebhooks hooks, ApiClient admin, ApiClient operator, String merchantId, String tag) {
        this.hooks = hooks;
        this.admin = admin;
        this.operator = operator;
        this.merchantId = merchantId;
        this.tag = tag;
        this.channel = channelOf(tag);
    }

    /** The Shopify channel the flows of {@code tag} use. */
    static String channelOf(String tag) {
        return "shop-" + tag;
    }

    void aShopifyOrderIsPlacedWithItsIdKeptExactlyThenShippedAndAnOlderCancellationChangesNothing() {
        ChannelWebhooks.connectShopify(admin, channel);
        stock("A-" + tag, 5);
        stock("B-" + tag, 5);
        String id = "9007199254740993"; // 2^53 + 1: a double would make it ...992

        ApiClient.Response created = hooks.shopify(
                merchantId, channel, "orders/create", UUID.randomUUID().toString(), order("orders-create.json", id));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        JsonNode delivery = awaitDelivery(created, "PROCESSED");
        String orderId = delivery.get("orderId").asText();
        JsonNode order = awaitStatus(operator, orderId, "CONFIRMED");
        assertThat(order.get("channel").asText()).isEqualTo(channel);
        assertThat(order.get("channelOrderId").asText()).isEqualTo(id);
        assertThat(order.get("lines").toString()).contains("\"A-" + tag + "\"", "\"B-" + tag + "\"");
        awaitReserved(operator, "B-" + tag, 2);

        byte[] fulfilled = ChannelFixtures.text("shopify/orders-fulfilled.json")
                .replace("450789469", id)
                .getBytes(StandardCharsets.UTF_8);
        awaitDelivery(
                hooks.shopify(
                        merchantId,
                        channel,
                        "orders/fulfilled",
                        UUID.randomUUID().toString(),
                        fulfilled),
                "PROCESSED");
        awaitStatus(operator, orderId, "SHIPPED");

        // the cancellation's updated_at (2021) is older than the fulfilment's (2024)
        JsonNode older = awaitDelivery(
                hooks.shopify(
                        merchantId,
                        channel,
                        "orders/cancelled",
                        UUID.randomUUID().toString(),
                        order("orders-cancelled.json", id)),
                "IGNORED");
        assertThat(older.get("error").asText()).contains("Older");
        assertThat(operator.get("/api/orders/" + orderId).json().get("status").asText())
                .isEqualTo("SHIPPED");
    }

    void threeCopiesOfADeliveryAtOnceHaveOneEffect() throws Exception {
        ChannelWebhooks.connectShopify(admin, channel);
        stock("A-" + tag, 10);
        stock("B-" + tag, 10);
        byte[] body = order("orders-create.json", "4200000000000000042");
        String event = UUID.randomUUID().toString();

        List<ApiClient.Response> answers =
                ChannelWebhooks.concurrently(3, () -> hooks.shopify(merchantId, channel, "orders/create", event, body));
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isEqualTo(200));
        assertThat(answers.stream()
                        .map(a -> a.json().get("deliveryId").asText())
                        .distinct())
                .hasSize(1);

        awaitDelivery(answers.get(0), "PROCESSED");
        awaitReserved(operator, "B-" + tag, 2);
        assertThat(ChannelWebhooks.deliveries(admin, channel).get("total").asLong())
                .isEqualTo(1);
        assertThat(operator.get("/api/inventory/A-" + tag)
                        .json()
                        .get("reserved")
                        .asInt())
                .isEqualTo(1);
    }

    void aCancellationBeforeItsCreationEndsCancelledWithNothingReserved() {
        ChannelWebhooks.connectShopify(admin, channel);
        stock("A-" + tag, 5);
        stock("B-" + tag, 5);
        String id = "5100000000000000001";

        JsonNode cancel = awaitDelivery(
                hooks.shopify(
                        merchantId,
                        channel,
                        "orders/cancelled",
                        UUID.randomUUID().toString(),
                        order("orders-cancelled.json", id)),
                "PROCESSED");
        assertThat(cancel.get("orderId").isNull()).isTrue();

        JsonNode create = awaitDelivery(
                hooks.shopify(
                        merchantId,
                        channel,
                        "orders/create",
                        UUID.randomUUID().toString(),
                        order("orders-create.json", id)),
                "PROCESSED");
        String orderId = create.get("orderId").asText();
        awaitStatus(operator, orderId, "CANCELLED");
        awaitReserved(operator, "A-" + tag, 0);
        awaitReserved(operator, "B-" + tag, 0);
    }

    /**
     * A TikTok Shop order read from a real HTTP Order Detail API that fails once, placed, shipped; another
     * cancelled before it was ready to ship; an uninteresting status ignored. Returns the TikTok channel.
     */
    String aTikTokOrderIsReadFromTheOrderDetailApiRetriedWhileItFails() throws Exception {
        stock("red_iphone_256", 10);
        stock("yellow-24-XL", 10);
        // TikTok's ids are strings; this one is above 2^53 too
        String orderId = "57646141303" + (1_000_000 + Math.abs(tag.hashCode() % 1_000_000));
        String shop = "tt-" + tag;
        try (TikTokApiStub tiktok =
                new TikTokApiStub(TIKTOK_APP_KEY, TIKTOK_SECRET, TIKTOK_TOKEN, TIKTOK_CIPHER, null)) {
            tiktok.answering(
                    Answer.of(200, ChannelFixtures.text("tiktok/error-internal.json")),
                    Answer.of(200, ChannelWebhooks.tiktokOrderDetail(orderId)));
            ChannelWebhooks.connectTikTok(admin, shop, tiktok.baseUrl().toString());

            long now = System.currentTimeMillis() / 1000;
            byte[] ready = ChannelWebhooks.tiktokStatus("n1-" + tag, orderId, "AWAITING_SHIPMENT", now);
            List<ApiClient.Response> copies =
                    ChannelWebhooks.concurrently(3, () -> hooks.tiktok(merchantId, shop, ready));
            assertThat(copies)
                    .allSatisfy(a -> assertThat(a.status()).as(a.body()).isEqualTo(200));

            JsonNode placed = ChannelWebhooks.awaitDelivery(admin, shop, copies.get(0), "PROCESSED");
            assertThat(placed.get("attempts").asInt())
                    .as("failed once, then read")
                    .isEqualTo(2);
            assertThat(tiktok.problems())
                    .as("every read signed as TikTok checks it")
                    .isEmpty();
            assertThat(tiktok.queries())
                    .allSatisfy(q -> assertThat(q.get("ids")).isEqualTo(orderId));
            String ours = placed.get("orderId").asText();
            JsonNode order = awaitStatus(operator, ours, "CONFIRMED");
            assertThat(order.get("channelOrderId").asText()).isEqualTo(orderId);
            // one unit per line item: the fixture lists red_iphone_256 twice
            assertThat(order.get("lines").toString())
                    .contains("{\"sku\":\"red_iphone_256\",\"quantity\":2}")
                    .contains("{\"sku\":\"yellow-24-XL\",\"quantity\":1}");
            assertThat(ChannelWebhooks.deliveries(admin, shop).get("total").asLong())
                    .isEqualTo(1);

            ChannelWebhooks.awaitDelivery(
                    admin,
                    shop,
                    hooks.tiktok(
                            merchantId,
                            shop,
                            ChannelWebhooks.tiktokStatus("n2-" + tag, orderId, "IN_TRANSIT", now + 60)),
                    "PROCESSED");
            awaitStatus(operator, ours, "SHIPPED");

            String other = orderId + "9";
            tiktok.answering(Answer.of(200, ChannelWebhooks.tiktokOrderDetail(other)));
            ChannelWebhooks.awaitDelivery(
                    admin,
                    shop,
                    hooks.tiktok(
                            merchantId, shop, ChannelWebhooks.tiktokStatus("n3-" + tag, other, "CANCELLED", now + 5)),
                    "PROCESSED");
            JsonNode late = ChannelWebhooks.awaitDelivery(
                    admin,
                    shop,
                    hooks.tiktok(
                            merchantId,
                            shop,
                            ChannelWebhooks.tiktokStatus("n4-" + tag, other, "AWAITING_SHIPMENT", now)),
                    "PROCESSED");
            awaitStatus(operator, late.get("orderId").asText(), "CANCELLED");
            awaitReserved(operator, "red_iphone_256", 0);
            awaitReserved(operator, "yellow-24-XL", 0);

            JsonNode ignored = ChannelWebhooks.awaitDelivery(
                    admin,
                    shop,
                    hooks.tiktok(
                            merchantId, shop, ChannelWebhooks.tiktokStatus("n5-" + tag, other, "UNPAID", now + 10)),
                    "IGNORED");
            assertThat(ignored.get("error").asText()).contains("UNPAID");
        }
        return shop;
    }

    private void stock(String sku, int onHand) {
        ChannelWebhooks.stock(operator, sku, onHand);
    }

    private byte[] order(String fixture, String id) {
        return ChannelWebhooks.shopifyOrder(fixture, id, "A-" + tag, "B-" + tag);
    }

    private JsonNode awaitDelivery(ApiClient.Response sent, String status) {
        return ChannelWebhooks.awaitDelivery(admin, channel, sent, status);
    }
}
