package io.syncline.simulator.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncline.simulator.ChannelSimulator;
import io.syncline.simulator.ItemConfig;
import io.syncline.simulator.ShopConfig;
import io.syncline.simulator.SimulatorConfig;
import io.syncline.simulator.testing.Http;
import io.syncline.simulator.testing.Receiver;
import io.syncline.simulator.testing.Signatures;
import java.math.BigInteger;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShopifyWebhooksTest {

    private final Receiver receiver = new Receiver();
    private ChannelSimulator simulator;

    @BeforeEach
    void start() {
        simulator = ChannelSimulator.start(SimulatorConfig.defaults()
                .withShop(ShopConfig.shopify("acme")
                        .withSecrets("shpat_token", "client-secret")
                        .withLocationId("24826418")
                        .withWebhookUrl(receiver.url())
                        .withTopics(List.of(
                                "orders/create",
                                "orders/cancelled",
                                "orders/updated",
                                "orders/fulfilled",
                                "inventory_levels/update"))
                        .withItem(ItemConfig.shopify("MUG", 10, "271878346596884015"))
                        .withItem(ItemConfig.shopify("CUP", 4, "808950810"))));
    }

    @AfterEach
    void stop() {
        simulator.close();
        receiver.close();
    }

    @Test
    void sendsOrdersCreateSignedAsShopifySignsWithItsHeadersAndExactIds() {
        JsonNode order = placeOrder(Map.of("sku", "MUG", "quantity", 2), Map.of("sku", "CUP", "quantity", 1));

        Receiver.Received delivery = awaitTopic("orders/create", 1).get(0);

        assertThat(delivery.header("X-Shopify-Hmac-Sha256"))
                .isEqualTo(Signatures.shopify("client-secret", delivery.body()));
        assertThat(delivery.header("X-Shopify-Shop-Domain")).isEqualTo("acme.myshopify.com");
        assertThat(delivery.header("X-Shopify-API-Version")).isEqualTo("2026-10");
        assertThat(delivery.header("X-Shopify-Webhook-Id")).isNotBlank();
        assertThat(delivery.header("X-Shopify-Event-Id")).isNotBlank();
        assertThat(OffsetDateTime.parse(delivery.header("X-Shopify-Triggered-At")))
                .isNotNull();
        assertThat(delivery.header("Content-Type")).isEqualTo("application/json");
        JsonNode body = Http.json(delivery.text());
        // ids are JSON integers past 2^53, every digit kept
        assertThat(body.path("id").isIntegralNumber()).isTrue();
        assertThat(body.path("id").bigIntegerValue())
                .isEqualTo(new BigInteger(order.path("id").asText()));
        assertThat(body.path("id").bigIntegerValue()).isGreaterThan(BigInteger.TWO.pow(53));
        assertThat(OffsetDateTime.parse(body.path("updated_at").asText())).isNotNull();
        assertThat(body.path("cancelled_at").isNull()).isTrue();
        JsonNode lines = body.path("line_items");
        assertThat(lines)
                .extracting(
                        l -> l.path("sku").asText() + "x" + l.path("quantity").asInt())
                .containsExactly("MUGx2", "CUPx1");
        assertThat(lines.get(0).path("id").isIntegralNumber()).isTrue();
        assertThat(lines.get(0).path("variant_id").isIntegralNumber()).isTrue();
    }

    @Test
    void echoesTheInventoryLevelsAnOrderChanged() {
        placeOrder(Map.of("sku", "MUG", "quantity", 3));

        Receiver.Received level = awaitTopic("inventory_levels/update", 1).get(0);

        assertThat(level.header("X-Shopify-Hmac-Sha256")).isEqualTo(Signatures.shopify("client-secret", level.body()));
        JsonNode body = Http.json(level.text());
        assertThat(body.path("inventory_item_id").bigIntegerValue()).isEqualTo(new BigInteger("271878346596884015"));
        assertThat(body.path("location_id").bigIntegerValue()).isEqualTo(BigInteger.valueOf(24826418));
        assertThat(body.path("available").asInt()).isEqualTo(7);
        assertThat(body.path("updated_at").asText()).isNotBlank();
    }

    @Test
    void sendsACancellationWithOrdersUpdatedUnderOneEventAndRestocks() {
        String id = placeOrder(Map.of("sku", "CUP", "quantity", 4)).path("id").asText();
        Http.post(
                URI.create(simulator.adminUrl() + "/shops/acme/orders/" + id + "/cancellation"),
                Map.of("reason", "customer"));

        Receiver.Received cancelled = awaitTopic("orders/cancelled", 1).get(0);
        Receiver.Received updated = awaitTopic("orders/updated", 1).get(0);

        JsonNode body = Http.json(cancelled.text());
        assertThat(body.path("cancel_reason").asText()).isEqualTo("customer");
        assertThat(body.path("cancelled_at").asText()).isNotBlank();
        assertThat(updated.header("X-Shopify-Event-Id")).isEqualTo(cancelled.header("X-Shopify-Event-Id"));
        assertThat(updated.header("X-Shopify-Webhook-Id")).isNotEqualTo(cancelled.header("X-Shopify-Webhook-Id"));
        assertThat(Http.json(updated.text()).path("cancelled_at").asText()).isNotBlank();
        assertThat(Http.get(URI.create(simulator.adminUrl() + "/shops/acme/items/CUP"))
                        .json()
                        .path("quantity")
                        .asInt())
                .isEqualTo(4);
    }

    @Test
    void sendsOrdersFulfilledWhenAnOrderShips() {
        String id = placeOrder(Map.of("sku", "MUG", "quantity", 1)).path("id").asText();
        Http.post(URI.create(simulator.adminUrl() + "/shops/acme/orders/" + id + "/shipment"), null);

        JsonNode body = Http.json(awaitTopic("orders/fulfilled", 1).get(0).text());

        assertThat(body.path("fulfillment_status").asText()).isEqualTo("fulfilled");
        assertThat(body.at("/fulfillments/0/status").asText()).isEqualTo("success");
        assertThat(body.at("/fulfillments/0/order_id").bigIntegerValue()).isEqualTo(new BigInteger(id));
    }

    @SafeVarargs
    private JsonNode placeOrder(Map<String, Object>... lines) {
        Http.Answer answer =
                Http.post(URI.create(simulator.adminUrl() + "/shops/acme/orders"), Map.of("lines", List.of(lines)));
        assertThat(answer.status()).isEqualTo(201);
        return answer.json();
    }

    private List<Receiver.Received> awaitTopic(String topic, int count) {
        await().until(() -> receiver.topic(topic).size() >= count);
        return receiver.topic(topic);
    }
}
