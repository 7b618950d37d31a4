package io.syncline.simulator.tiktok;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncline.simulator.ChannelSimulator;
import io.syncline.simulator.ItemConfig;
import io.syncline.simulator.ShopConfig;
import io.syncline.simulator.SimulatorConfig;
import io.syncline.simulator.testing.Http;
import io.syncline.simulator.testing.MutableClock;
import io.syncline.simulator.testing.TikTokCalls;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TikTokApiTest {

    static final String RED_PRODUCT = "1729582718312380123";
    static final String RED_SKU = "2729382476852921560";
    static final String WAREHOUSE = "7068517275539719942";

    private final MutableClock clock = MutableClock.now();
    private ChannelSimulator simulator;
    private TikTokCalls calls;

    @BeforeEach
    void start() {
        simulator = ChannelSimulator.start(SimulatorConfig.defaults()
                .withClock(clock)
                .withShop(ShopConfig.tiktok("tts")
                        .withSecrets("access-token", "app-secret")
                        .withApp("app-key", "ROW_cipher")
                        .withWarehouseId(WAREHOUSE)
                        .withItem(ItemConfig.tiktok("red_iphone_256", 5, RED_PRODUCT, RED_SKU))
                        .withItem(ItemConfig.tiktok("yellow-24-XL", 3, "1729582718312380456", "2729382476852921123"))));
        calls = new TikTokCalls(
                simulator.apiBaseUrl("tts"), "app-key", "app-secret", "access-token", "ROW_cipher", clock);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void refusesABadSignWithItsCodeAndChangesNothing() {
        Http.Answer answer = calls.call(
                "POST",
                inventoryPath(),
                Map.of(),
                update(RED_SKU, WAREHOUSE, 42),
                query -> {
                    query.put("sign", "0".repeat(64));
                    return query;
                },
                true,
                "access-token");

        assertThat(answer.json().path("code").asLong()).isEqualTo(106001);
        assertThat(answer.json().path("message").asText()).contains("sign");
        assertThat(answer.json().path("request_id").asText()).isNotBlank();
        assertThat(quantity("red_iphone_256")).isEqualTo(5);
    }

    @Test
    void refusesARequestChangedAfterSigning() {
        Http.Answer answer = calls.call(
                "GET",
                "/order/202309/orders",
                Map.of("ids", "1"),
                null,
                query -> {
                    query.put("ids", "2");
                    return query;
                },
                true,
                "access-token");

        assertThat(answer.json().path("code").asLong()).isEqualTo(106001);
    }

    @Test
    void refusesATimestampOutsideTheWindowAndAWrongToken() {
        clock.advance(Duration.ofMinutes(6));
        TikTokCalls late = new TikTokCalls(
                simulator.apiBaseUrl("tts"),
                "app-key",
                "app-secret",
                "access-token",
                "ROW_cipher",
                java.time.Clock.fixed(clock.instant().minus(Duration.ofMinutes(6)), java.time.ZoneOffset.UTC));
        JsonNode stale = late.get("/order/202309/orders", Map.of("ids", "1")).json();
        assertThat(stale.path("code").asLong()).isEqualTo(36009004);
        assertThat(stale.path("message").asText()).contains("timestamp");

        JsonNode wrongToken = calls.call(
                        "GET", "/order/202309/orders", Map.of("ids", "1"), null, UnaryOperator.identity(), true, "nope")
                .json();
        assertThat(wrongToken.path("code").asLong()).isEqualTo(36009004);
        assertThat(wrongToken.path("message").asText()).contains("x-tts-access-token");
    }

    @Test
    void takesASignOverTikToksOwnPathToo() {
        JsonNode answer = calls.call(
                        "GET",
                        "/product/202309/products/" + RED_PRODUCT,
                        Map.of(),
                        null,
                        UnaryOperator.identity(),
                        false,
                        "access-token")
                .json();

        assertThat(answer.path("code").asLong()).isZero();
    }

    @Test
    void updatesTheInventoryOfASku() {
        JsonNode answer =
                calls.post(inventoryPath(), update(RED_SKU, WAREHOUSE, 42)).json();

        assertThat(answer.path("code").asLong()).isZero();
        assertThat(answer.path("message").asText()).isEqualTo("Success");
        assertThat(answer.at("/data/errors").isMissingNode()).isTrue();
        assertThat(quantity("red_iphone_256")).isEqualTo(42);
        JsonNode product =
                calls.get("/product/202309/products/" + RED_PRODUCT, Map.of()).json();
        assertThat(product.path("code").asLong()).isZero();
        JsonNode sku = product.at("/data/skus/0");
        assertThat(sku.path("id").asText()).isEqualTo(RED_SKU);
        assertThat(sku.path("seller_sku").asText()).isEqualTo("red_iphone_256");
        assertThat(sku.at("/inventory/0/quantity").asInt()).isEqualTo(42);
        assertThat(sku.at("/inventory/0/warehouse_id").asText()).isEqualTo(WAREHOUSE);
        JsonNode item = Http.get(URI.create(simulator.adminUrl() + "/shops/tts/items/red_iphone_256"))
                .json();
        assertThat(item.path("pushes").asInt()).isEqualTo(1);
        assertThat(item.path("lastPushedQuantity").asInt()).isEqualTo(42);
    }

    @Test
    void updatesWithoutAWarehouseIdIntoTheShopsWarehouse() {
        String body = "{\"skus\":[{\"id\":\"" + RED_SKU + "\",\"inventory\":[{\"quantity\":0}]}]}";

        assertThat(calls.post(inventoryPath(), body).json().path("code").asLong())
                .isZero();
        assertThat(quantity("red_iphone_256")).isZero();
    }

    @Test
    void refusesAQuantityAbove99999() {
        JsonNode answer =
                calls.post(inventoryPath(), update(RED_SKU, WAREHOUSE, 100_000)).json();

        assertThat(answer.path("code").asLong()).isEqualTo(12019024);
        assertThat(quantity("red_iphone_256")).isEqualTo(5);
    }

    @Test
    void listsAnUnknownSkuOrWarehouseAsFailedWhileCodeStaysZero() {
        JsonNode unknownSku =
                calls.post(inventoryPath(), update("1", WAREHOUSE, 9)).json();
        JsonNode unknownWarehouse =
                calls.post(inventoryPath(), update(RED_SKU, "99", 9)).json();

        assertThat(unknownSku.path("code").asLong()).isZero();
        assertThat(unknownSku.at("/data/errors/0/code").asLong()).isEqualTo(12052990);
        assertThat(unknownSku.at("/data/errors/0/detail/sku_id").asText()).isEqualTo("1");
        assertThat(unknownWarehouse
                        .at("/data/errors/0/detail/extra_errors/0/code")
                        .asLong())
                .isEqualTo(12052097);
        assertThat(quantity("red_iphone_256")).isEqualTo(5);
        JsonNode unknownProduct = calls.post(
                        "/product/202309/products/1/inventory/update", update(RED_SKU, WAREHOUSE, 9))
                .json();
        assertThat(unknownProduct.path("code").asLong()).isEqualTo(12052032);
    }

    @Test
    void readsAnOrderWithOneLineItemPerUnit() {
        JsonNode placed = Http.post(
                        URI.create(simulator.adminUrl() + "/shops/tts/orders"),
                        Map.of(
                                "lines",
                                List.of(
                                        Map.of("sku", "red_iphone_256", "quantity", 2),
                                        Map.of("sku", "yellow-24-XL", "quantity", 1))))
                .json();
        String orderId = placed.path("id").asText();

        JsonNode answer =
                calls.get("/order/202309/orders", Map.of("ids", orderId)).json();

        assertThat(answer.path("code").asLong()).isZero();
        JsonNode order = answer.at("/data/orders/0");
        assertThat(order.path("id").asText()).isEqualTo(orderId);
        assertThat(order.path("status").asText()).isEqualTo("AWAITING_SHIPMENT");
        assertThat(order.path("update_time").isIntegralNumber()).isTrue();
        JsonNode items = order.path("line_items");
        assertThat(items).hasSize(3);
        assertThat(items)
                .extracting(i -> i.path("seller_sku").asText())
                .containsExactlyInAnyOrder("red_iphone_256", "red_iphone_256", "yellow-24-XL");
        assertThat(items).allSatisfy(item -> {
            assertThat(item.has("quantity")).isFalse();
            assertThat(item.path("id").isTextual()).isTrue();
            assertThat(item.path("display_status").asText()).isEqualTo("AWAITING_SHIPMENT");
        });
        assertThat(items).extracting(i -> i.path("id").asText()).doesNotHaveDuplicates();
        assertThat(quantity("red_iphone_256")).isEqualTo(3);
        assertThat(quantity("yellow-24-XL")).isEqualTo(2);

        JsonNode unknown =
                calls.get("/order/202309/orders", Map.of("ids", "123")).json();
        assertThat(unknown.path("code").asLong()).isZero();
        assertThat(unknown.at("/data/orders")).isEmpty();
    }

    @Test
    void rateLimitsWithTikToksCodeWhenThrottled() {
        Http.put(URI.create(simulator.adminUrl() + "/shops/tts/faults/throttle"), Map.of("requestsPerSecond", 1));

        JsonNode first = calls.get("/order/202309/orders", Map.of("ids", "1")).json();
        Http.Answer second = calls.get("/order/202309/orders", Map.of("ids", "1"));

        assertThat(first.path("code").asLong()).isZero();
        assertThat(second.status()).isEqualTo(429);
        assertThat(second.json().path("code").asLong()).isEqualTo(36009002);
        clock.advance(Duration.ofSeconds(1));
        assertThat(calls.get("/order/202309/orders", Map.of("ids", "1"))
                        .json()
                        .path("code")
                        .asLong())
                .isZero();
    }

    private static String inventoryPath() {
        return "/product/202309/products/" + RED_PRODUCT + "/inventory/update";
    }

    private static String update(String skuId, String warehouse, int quantity) {
        return "{\"skus\":[{\"id\":\"" + skuId + "\",\"inventory\":[{\"warehouse_id\":\"" + warehouse
                + "\",\"quantity\":" + quantity + "}]}]}";
    }

    private int quantity(String sku) {
        return Http.get(URI.create(simulator.adminUrl() + "/shops/tts/items/" + sku))
                .json()
                .path("quantity")
                .asInt();
    }
}
