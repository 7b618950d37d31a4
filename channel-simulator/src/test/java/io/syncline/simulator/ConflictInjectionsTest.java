package io.syncline.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncline.simulator.orders.Order;
import io.syncline.simulator.orders.OrderRefused;
import io.syncline.simulator.testing.Http;
import io.syncline.simulator.testing.Receiver;
import io.syncline.simulator.testing.TikTokCalls;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the conflict tests make a shop do, through the Java API and the admin API: an order delivered again with
 * other lines, a cancellation after shipment, drift and overselling.
 */
class ConflictInjectionsTest {

    private final Receiver shopifyHooks = new Receiver();
    private final Receiver tiktokHooks = new Receiver();
    private ChannelSimulator simulator;

    @BeforeEach
    void start() {
        simulator = ChannelSimulator.start(SimulatorConfig.defaults()
                .withShop(ShopConfig.shopify("acme")
                        .withSecrets("shpat_token", "client-secret")
                        .withWebhookUrl(shopifyHooks.url())
                        .withEchoInventoryLevels(false)
                        .withItem(ItemConfig.shopify("MUG", 10, "271878346596884015"))
                        .withItem(ItemConfig.shopify("CUP", 5, "271878346596884016")))
                .withShop(ShopConfig.tiktok("tts")
                        .withSecrets("access-token", "app-secret")
                        .withApp("app-key", "ROW_cipher")
                        .withWebhookUrl(tiktokHooks.url())
                        .withItem(ItemConfig.tiktok("PHONE", 5, "1729582718312380123", "2729382476852921560"))
                        .withItem(ItemConfig.tiktok("CASE", 5, "1729582718312380123", "2729382476852921561"))));
    }

    @AfterEach
    void stop() {
        simulator.close();
        shopifyHooks.close();
        tiktokHooks.close();
    }

    @Test
    void shopifyDeliversAnOrdersCreationAgainWithOtherLinesUnderANewEventId() {
        Order placed = simulator.placeOrder("acme", Map.of("MUG", 2), false);

        Http.Answer again = Http.post(
                URI.create(simulator.adminUrl() + "/shops/acme/orders/" + placed.id() + "/redelivery"),
                Map.of("lines", List.of(Map.of("sku", "MUG", "quantity", 1), Map.of("sku", "CUP", "quantity", 3))));

        assertThat(again.status()).as(again.text()).isEqualTo(200);
        await().until(() -> shopifyHooks.topic("orders/create").size() == 2);
        List<Receiver.Received> creates = shopifyHooks.topic("orders/create");
        assertThat(creates.get(1).header("X-Shopify-Event-Id"))
                .isNotEqualTo(creates.get(0).header("X-Shopify-Event-Id"));
        JsonNode first = Http.json(creates.get(0).text());
        JsonNode second = Http.json(creates.get(1).text());
        assertThat(second.path("id").asText()).isEqualTo(first.path("id").asText());
        assertThat(second.path("line_items"))
                .extracting(
                        l -> l.path("sku").asText() + "x" + l.path("quantity").asInt())
                .containsExactly("MUGx1", "CUPx3");
        assertThat(simulator.quantity("acme", "MUG"))
                .as("the stock is not sold again")
                .isEqualTo(8);
        assertThat(simulator.quantity("acme", "CUP")).isEqualTo(5);
    }

    @Test
    void tiktokAnnouncesTheOrderAgainAndItsDetailShowsTheOtherLinesFromThenOn() {
        Order placed = simulator.placeOrder("tts", Map.of("PHONE", 1), false);
        Map<String, Integer> other = new LinkedHashMap<>();
        other.put("PHONE", 1);
        other.put("CASE", 2);

        simulator.redeliverOrder("tts", placed.id(), other);

        await().until(() -> tiktokHooks.received().size() == 2);
        List<JsonNode> hooks =
                tiktokHooks.received().stream().map(r -> Http.json(r.text())).toList();
        assertThat(hooks).extracting(h -> h.at("/data/order_id").asText()).containsOnly(placed.id());
        assertThat(hooks).extracting(h -> h.at("/data/order_status").asText()).containsOnly("AWAITING_SHIPMENT");
        assertThat(hooks)
                .extracting(h -> h.path("tts_notification_id").asText())
                .doesNotHaveDuplicates();
        TikTokCalls calls = new TikTokCalls(
                simulator.apiBaseUrl("tts"), "app-key", "app-secret", "access-token", "ROW_cipher", Clock.systemUTC());
        JsonNode read =
                calls.get("/order/202309/orders", Map.of("ids", placed.id())).json();
        assertThat(read.at("/data/orders/0/line_items"))
                .as("one line item per unit")
                .extracting(l -> l.path("seller_sku").asText())
                .containsExactlyInAnyOrder("PHONE", "CASE", "CASE");
    }

    @Test
    void aRedeliveryNeedsLinesOfSkusTheShopSellsAndAnOrderItHas() {
        Order placed = simulator.placeOrder("acme", Map.of("MUG", 1), false);
        URI redelivery = URI.create(simulator.adminUrl() + "/shops/acme/orders/" + placed.id() + "/redelivery");

        assertThat(Http.post(redelivery, Map.of("lines", List.of())).status()).isEqualTo(400);
        assertThat(Http.post(redelivery, null).status()).isEqualTo(400);
        assertThat(Http.post(
                                URI.create(simulator.adminUrl() + "/shops/acme/orders/404/redelivery"),
                                Map.of("lines", List.of(Map.of("sku", "MUG", "quantity", 1))))
                        .status())
                .isEqualTo(404);
        assertThatThrownBy(() -> simulator.redeliverOrder("acme", placed.id(), Map.of("TEAPOT", 1)))
                .isInstanceOf(OrderRefused.class);
    }

    @Test
    void bothPlatformsCancelAnOrderThatShippedAlready() {
        Order shopify = simulator.placeOrder("acme", Map.of("MUG", 1), false);
        simulator.shipOrder("acme", shopify.id());
        Order tiktok = simulator.placeOrder("tts", Map.of("PHONE", 1), false);
        simulator.shipOrder("tts", tiktok.id());

        simulator.cancelOrder("acme", shopify.id(), null);
        simulator.cancelOrder("tts", tiktok.id(), "seller");

        await().until(() -> shopifyHooks.topic("orders/cancelled").size() == 1);
        assertThat(Http.json(shopifyHooks.topic("orders/cancelled").get(0).text())
                        .path("fulfillment_status")
                        .asText())
                .isEqualTo("fulfilled");
        await().until(() -> tiktokHooks.received().size() == 3);
        assertThat(tiktokHooks.received())
                .extracting(r -> Http.json(r.text()).at("/data/order_status").asText())
                .containsExactlyInAnyOrder("AWAITING_SHIPMENT", "IN_TRANSIT", "CANCELLED");
        TikTokCalls calls = new TikTokCalls(
                simulator.apiBaseUrl("tts"), "app-key", "app-secret", "access-token", "ROW_cipher", Clock.systemUTC());
        assertThat(calls.get("/order/202309/orders", Map.of("ids", tiktok.id()))
                        .json()
                        .at("/data/orders/0/status")
                        .asText())
                .isEqualTo("CANCELLED");
    }

    @Test
    void driftAndOversellAreReachableFromJava() {
        assertThat(simulator.setQuantity("acme", "MUG", 4, true)).isEqualTo(10);
        await().until(() -> shopifyHooks.topic("inventory_levels/update").size() == 1);
        assertThat(Http.json(shopifyHooks
                                .topic("inventory_levels/update")
                                .get(0)
                                .text())
                        .path("available")
                        .asInt())
                .isEqualTo(4);
        simulator.setQuantity("acme", "CUP", 2, false);

        Order oversold = simulator.placeOrder("acme", Map.of("MUG", 6), true);

        assertThat(oversold.units()).isEqualTo(6);
        assertThat(simulator.quantity("acme", "MUG")).isEqualTo(-2);
        assertThat(simulator.quantity("acme", "CUP")).isEqualTo(2);
        assertThat(shopifyHooks.topic("inventory_levels/update"))
                .as("silent drift")
                .hasSize(1);
        assertThatThrownBy(() -> simulator.placeOrder("acme", Map.of("CUP", 3), false))
                .isInstanceOf(OrderRefused.class);
    }
}
