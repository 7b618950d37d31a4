package io.syncline.simulator.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncline.simulator.ChannelSimulator;
import io.syncline.simulator.ItemConfig;
import io.syncline.simulator.ShopConfig;
import io.syncline.simulator.SimulatorConfig;
import io.syncline.simulator.testing.Http;
import io.syncline.simulator.testing.MutableClock;
import io.syncline.simulator.testing.Receiver;
import io.syncline.simulator.testing.TikTokCalls;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The faults a shop shows when told to, through the admin API, as Syncline would meet them. */
class MisbehaviourTest {

    private static final String QUERY =
            "query($inventoryItemId: ID!, $locationId: ID!) { inventoryItem(id: $inventoryItemId) {"
                    + " inventoryLevel(locationId: $locationId) { quantities(names: [\"available\"]) { name quantity } } } }";

    private final MutableClock clock = MutableClock.now();
    private final Receiver receiver = new Receiver();
    private ChannelSimulator simulator;

    @BeforeEach
    void start() {
        simulator = ChannelSimulator.start(SimulatorConfig.defaults()
                .withClock(clock)
                .withShop(ShopConfig.shopify("acme")
                        .withSecrets("shpat_token", "client-secret")
                        .withLocationId("24826418")
                        .withWebhookUrl(receiver.url())
                        // orders only, so each move is one delivery and the order of arrival is the order sent
                        .withEchoInventoryLevels(false)
                        .withItem(ItemConfig.shopify("MUG", 10, "271878346596884015")))
                .withShop(ShopConfig.tiktok("tts")
                        .withSecrets("access-token", "app-secret")
                        .withApp("app-key", "ROW_cipher")
                        .withItem(
                                ItemConfig.tiktok("red_iphone_256", 5, "1729582718312380123", "2729382476852921560"))));
    }

    @AfterEach
    void stop() {
        simulator.close();
        receiver.close();
    }

    @Test
    void sendsEachDeliveryTwiceOneAfterTheOther() {
        fault("duplicates", Map.of("copies", 2));

        placeOrder();

        await().until(() -> receiver.topic("orders/create").size() == 2);
        List<Receiver.Received> copies = receiver.topic("orders/create");
        assertThat(copies.get(1).header("X-Shopify-Webhook-Id"))
                .isEqualTo(copies.get(0).header("X-Shopify-Webhook-Id"));
        assertThat(copies.get(1).header("X-Shopify-Event-Id"))
                .isEqualTo(copies.get(0).header("X-Shopify-Event-Id"));
        assertThat(copies.get(1).text()).isEqualTo(copies.get(0).text());
        JsonNode records = Http.get(admin("/deliveries?topic=orders/create")).json();
        assertThat(records).extracting(r -> r.path("copy").asInt()).containsExactly(1, 2);
    }

    @Test
    void sendsNCopiesAtOnceForTheNextDeliveriesOnly() {
        fault("duplicates", Map.of("copies", 3, "concurrent", true, "deliveries", 1));

        placeOrder();
        await().until(() -> receiver.topic("orders/create").size() == 3);
        placeOrder();

        await().until(() -> receiver.topic("orders/create").size() == 4);
        assertThat(receiver.topic("orders/create").stream()
                        .map(r -> r.header("X-Shopify-Webhook-Id"))
                        .distinct())
                .hasSize(2);
    }

    @Test
    void holdsADeliveryAndSendsItAfterTheNext() {
        fault("out-of-order", Map.of("batch", 2, "groups", 1));

        String id = placeOrder().path("id").asText();
        Http.post(admin("/orders/" + id + "/cancellation"), null);

        await().until(() -> receiver.received().size() == 2);
        assertThat(receiver.received())
                .extracting(r -> r.header("X-Shopify-Topic"))
                .containsExactly("orders/cancelled", "orders/create");
        // one group only: the fault is over
        placeOrder();
        await().until(() -> receiver.received().size() == 3);
        assertThat(Http.get(admin("/faults")).json().path("outOfOrder").isNull())
                .isTrue();
    }

    @Test
    void letsAHeldDeliveryGoWhenNothingFollowsWithinMaxHold() {
        fault("out-of-order", Map.of("batch", 2, "maxHold", "200ms"));

        placeOrder();

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 1);
    }

    @Test
    void answers503ForTheDurationOfAnOutage() {
        fault("down", Map.of("for", "PT30S"));

        Http.Answer down = inventoryQuery();
        assertThat(down.status()).isEqualTo(503);
        TikTokCalls tiktok = new TikTokCalls(
                URI.create(simulator.baseUrl() + "/tiktok/tts"),
                "app-key",
                "app-secret",
                "access-token",
                "ROW_cipher",
                clock);
        // TikTok Shop is not down: faults are per shop
        assertThat(tiktok.get("/order/202309/orders", Map.of("ids", "1")).status())
                .isEqualTo(200);

        clock.advance(Duration.ofSeconds(29));
        assertThat(inventoryQuery().status()).isEqualTo(503);
        clock.advance(Duration.ofSeconds(1));
        Http.Answer back = inventoryQuery();
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.json()
                        .at("/data/inventoryItem/inventoryLevel/quantities/0/quantity")
                        .asInt())
                .isEqualTo(10);
        assertThat(Http.get(admin("/pushes")).json().path("recent"))
                .extracting(e -> e.path("outcome").asText())
                .containsExactly("unavailable", "unavailable", "read");
    }

    @Test
    void acceptsAndNeverAnswersWhenDownWithoutAnswer() {
        fault("down", Map.of("for", "PT30S", "mode", "NO_ANSWER"));

        assertThatThrownBy(() -> Http.send(graphql(QUERY), Duration.ofMillis(300)))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("timed out");

        Http.delete(admin("/faults/down"));
        assertThat(Http.send(graphql(QUERY), Duration.ofSeconds(5)).status()).isEqualTo(200);
    }

    @Test
    void answersSlowlyWhenToldTo() {
        fault("slow", Map.of("delay", "400ms"));

        long started = System.nanoTime();
        Http.Answer answer = inventoryQuery();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void driftsOnTheShopsSideWithOrWithoutTellingSyncline() {
        Http.Answer silent = Http.put(admin("/items/MUG"), Map.of("quantity", 8, "notify", false));
        assertThat(silent.status()).isEqualTo(200);
        assertThat(silent.json().path("quantity").asInt()).isEqualTo(8);

        Http.put(admin("/items/MUG"), Map.of("quantity", 6));

        await().until(() -> receiver.topic("inventory_levels/update").size() == 1);
        assertThat(Http.json(receiver.topic("inventory_levels/update").get(0).text())
                        .path("available")
                        .asInt())
                .isEqualTo(6);
        assertThat(inventoryQuery()
                        .json()
                        .at("/data/inventoryItem/inventoryLevel/quantities/0/quantity")
                        .asInt())
                .isEqualTo(6);
        assertThat(receiver.received()).hasSize(1);
        assertThat(Http.get(admin("/deliveries")).json()).hasSize(1);
    }

    @Test
    void cancelsAnOrderAfterItShipped() {
        String id = placeOrder().path("id").asText();
        Http.post(admin("/orders/" + id + "/shipment"), null);

        Http.Answer cancelled = Http.post(admin("/orders/" + id + "/cancellation"), null);

        assertThat(cancelled.status()).isEqualTo(200);
        await().until(() -> receiver.topic("orders/cancelled").size() == 1);
        JsonNode body = Http.json(receiver.topic("orders/cancelled").get(0).text());
        assertThat(body.path("fulfillment_status").asText()).isEqualTo("fulfilled");
        assertThat(body.path("cancelled_at").asText()).isNotBlank();
        // the units left with the parcel: a cancellation after shipment gives nothing back
        assertThat(Http.get(admin("/items/MUG")).json().path("quantity").asInt())
                .isEqualTo(9);
        assertThat(Http.post(admin("/orders/" + id + "/cancellation"), null).status())
                .isEqualTo(409);
    }

    private JsonNode placeOrder() {
        Http.Answer answer = Http.post(admin("/orders"), Map.of("lines", List.of(Map.of("sku", "MUG", "quantity", 1))));
        assertThat(answer.status()).isEqualTo(201);
        return answer.json();
    }

    private void fault(String kind, Map<String, Object> body) {
        Http.Answer answer = Http.put(admin("/faults/" + kind), body);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    }

    private Http.Answer inventoryQuery() {
        return Http.send(graphql(QUERY), Duration.ofSeconds(10));
    }

    private HttpRequest.Builder graphql(String query) {
        String body = "{\"query\":" + Http.JSON.valueToTree(query) + ",\"variables\":{\"inventoryItemId\":"
                + "\"gid://shopify/InventoryItem/271878346596884015\",\"locationId\":\"gid://shopify/Location/24826418\"}}";
        return HttpRequest.newBuilder(URI.create(simulator.apiBaseUrl("acme") + "/admin/api/2026-10/graphql.json"))
                .header("X-Shopify-Access-Token", "shpat_token")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private URI admin(String path) {
        return URI.create(simulator.adminUrl() + "/shops/acme" + path);
    }
}
