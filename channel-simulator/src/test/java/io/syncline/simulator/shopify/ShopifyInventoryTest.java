package io.syncline.simulator.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncline.simulator.ChannelSimulator;
import io.syncline.simulator.ItemConfig;
import io.syncline.simulator.ShopConfig;
import io.syncline.simulator.ShopifyThrottle;
import io.syncline.simulator.SimulatorConfig;
import io.syncline.simulator.testing.Http;
import io.syncline.simulator.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShopifyInventoryTest {

    static final String MUTATION =
            """
            mutation SetQuantities($input: InventorySetQuantitiesInput!, $idempotencyKey: String!) {
              inventorySetQuantities(input: $input) @idempotent(key: $idempotencyKey) {
                inventoryAdjustmentGroup { createdAt reason referenceDocumentUri changes { name delta quantityAfterChange } }
                userErrors { code field message }
              }
            }""";
    static final String QUERY =
            """
            query Level($inventoryItemId: ID!, $locationId: ID!) {
              inventoryItem(id: $inventoryItemId) {
                inventoryLevel(locationId: $locationId) { quantities(names: ["available"]) { name quantity } }
              }
            }""";
    static final String MUG = "gid://shopify/InventoryItem/271878346596884015";
    static final String CUP = "gid://shopify/InventoryItem/808950810";
    static final String LOCATION = "gid://shopify/Location/24826418";

    private final MutableClock clock = MutableClock.now();
    private ChannelSimulator simulator;

    private ChannelSimulator start(ShopifyThrottle throttle) {
        simulator = ChannelSimulator.start(SimulatorConfig.defaults()
                .withClock(clock)
                .withShop(ShopConfig.shopify("acme")
                        .withSecrets("shpat_right", "client-secret")
                        .withLocationId("24826418")
                        .withThrottle(throttle)
                        .withItem(ItemConfig.shopify("MUG", 10, "271878346596884015"))
                        .withItem(ItemConfig.shopify("CUP", 4, "808950810"))));
        return simulator;
    }

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void setsTheQuantityWhenChangeFromQuantityMatchesAndAnswersTheAdjustment() {
        start(null);

        Http.Answer answer = set("push-1", entry(MUG, 7, 10));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode payload = answer.json().path("data").path("inventorySetQuantities");
        assertThat(payload.path("userErrors")).isEmpty();
        JsonNode group = payload.path("inventoryAdjustmentGroup");
        assertThat(group.path("reason").asText()).isEqualTo("correction");
        assertThat(group.path("referenceDocumentUri").asText()).isEqualTo("gid://syncline/StockPush/1");
        JsonNode available = group.path("changes").get(0);
        assertThat(available.path("name").asText()).isEqualTo("available");
        assertThat(available.path("delta").asInt()).isEqualTo(-3);
        assertThat(available.path("quantityAfterChange").asInt()).isEqualTo(7);
        JsonNode cost = answer.json().path("extensions").path("cost");
        assertThat(cost.path("requestedQueryCost").asInt()).isEqualTo(10);
        assertThat(cost.path("actualQueryCost").asInt()).isEqualTo(10);
        assertThat(cost.path("throttleStatus").path("maximumAvailable").asDouble())
                .isEqualTo(2000.0);
        assertThat(cost.path("throttleStatus").path("currentlyAvailable").asInt())
                .isEqualTo(1990);
        assertThat(cost.path("throttleStatus").path("restoreRate").asDouble()).isEqualTo(100.0);
        assertThat(quantity("MUG")).isEqualTo(7);
        JsonNode item = item("MUG");
        assertThat(item.path("pushes").asInt()).isEqualTo(1);
        assertThat(item.path("lastPushedQuantity").asInt()).isEqualTo(7);
    }

    @Test
    void refusesAStaleChangeFromQuantityAndChangesNothing() {
        start(null);

        // the first entry is right, the second stale: Shopify applies all or nothing
        Http.Answer answer = set("push-2", entry(CUP, 1, 4), entry(MUG, 5, 9));

        JsonNode payload = answer.json().path("data").path("inventorySetQuantities");
        assertThat(payload.path("inventoryAdjustmentGroup").isNull()).isTrue();
        JsonNode error = payload.path("userErrors").get(0);
        assertThat(error.path("code").asText()).isEqualTo("CHANGE_FROM_QUANTITY_STALE");
        assertThat(error.path("field"))
                .extracting(JsonNode::asText)
                .containsExactly("input", "quantities", "1", "changeFromQuantity");
        assertThat(error.path("message").asText()).isNotBlank();
        assertThat(payload.path("userErrors")).hasSize(1);
        assertThat(quantity("MUG")).isEqualTo(10);
        assertThat(quantity("CUP")).isEqualTo(4);
        assertThat(item("MUG").path("pushes").asInt()).isZero();
    }

    @Test
    void aNullChangeFromQuantitySkipsTheCheck() {
        start(null);

        Http.Answer answer = set("push-3", entry(MUG, 2, null));

        assertThat(answer.json().at("/data/inventorySetQuantities/userErrors")).isEmpty();
        assertThat(quantity("MUG")).isEqualTo(2);
    }

    @Test
    void replaysTheFirstAnswerForTheSameIdempotencyKey() {
        start(null);
        Http.Answer first = set("push-4", entry(MUG, 7, 10));
        // someone changes the stock on the shop's side meanwhile; a replay must not set it again
        Http.put(URI.create(simulator.adminUrl() + "/shops/acme/items/MUG"), Map.of("quantity", 12, "notify", false));

        Http.Answer replay = set("push-4", entry(MUG, 7, 10));

        assertThat(replay.json().path("data")).isEqualTo(first.json().path("data"));
        assertThat(quantity("MUG")).isEqualTo(12);
        assertThat(item("MUG").path("pushes").asInt()).isEqualTo(1);

        Http.Answer otherParameters = set("push-4", entry(MUG, 8, 12));
        assertThat(otherParameters
                        .json()
                        .at("/data/inventorySetQuantities/userErrors/0/code")
                        .asText())
                .isEqualTo("IDEMPOTENCY_KEY_PARAMETER_MISMATCH");
        assertThat(quantity("MUG")).isEqualTo(12);
    }

    @Test
    void replaysAStaleAnswerToo() {
        start(null);
        Http.Answer first = set("push-5", entry(MUG, 3, 9));

        Http.Answer replay = set("push-5", entry(MUG, 3, 9));

        assertThat(replay.json().path("data")).isEqualTo(first.json().path("data"));
        assertThat(replay.json()
                        .at("/data/inventorySetQuantities/userErrors/0/code")
                        .asText())
                .isEqualTo("CHANGE_FROM_QUANTITY_STALE");
    }

    @Test
    void readsTheInventoryLevel() {
        start(null);
        set("push-6", entry(CUP, 3, 4));

        Http.Answer answer = graphql(QUERY, Map.of("inventoryItemId", CUP, "locationId", LOCATION));

        JsonNode quantities = answer.json().at("/data/inventoryItem/inventoryLevel/quantities");
        assertThat(quantities).hasSize(1);
        assertThat(quantities.get(0).path("name").asText()).isEqualTo("available");
        assertThat(quantities.get(0).path("quantity").asInt()).isEqualTo(3);
        assertThat(answer.json().at("/extensions/cost/requestedQueryCost").asInt())
                .isEqualTo(2);

        JsonNode unknownItem = graphql(
                        QUERY, Map.of("inventoryItemId", "gid://shopify/InventoryItem/1", "locationId", LOCATION))
                .json();
        assertThat(unknownItem.at("/data/inventoryItem").isNull()).isTrue();
        JsonNode otherLocation = graphql(
                        QUERY, Map.of("inventoryItemId", CUP, "locationId", "gid://shopify/Location/1"))
                .json();
        assertThat(otherLocation.at("/data/inventoryItem/inventoryLevel").isNull())
                .isTrue();
    }

    @Test
    void anUnknownItemOrLocationIsAUserError() {
        start(null);
        Map<String, Object> wrongItem = entry("gid://shopify/InventoryItem/42", 1, null);
        Map<String, Object> wrongLocation = new LinkedHashMap<>(entry(MUG, 1, null));
        wrongLocation.put("locationId", "gid://shopify/Location/42");

        JsonNode errors = set("push-7", wrongItem, wrongLocation).json().at("/data/inventorySetQuantities/userErrors");

        assertThat(errors)
                .extracting(e -> e.path("code").asText())
                .containsExactly("INVALID_INVENTORY_ITEM", "INVALID_LOCATION");
        assertThat(errors.get(0).path("field"))
                .extracting(JsonNode::asText)
                .containsExactly("input", "quantities", "0", "inventoryItemId");
        assertThat(errors.get(1).path("field"))
                .extracting(JsonNode::asText)
                .containsExactly("input", "quantities", "1", "locationId");
        assertThat(quantity("MUG")).isEqualTo(10);
    }

    @Test
    void refusesAWrongOrMissingAccessTokenWith401() {
        start(null);
        URI endpoint = URI.create(simulator.apiBaseUrl("acme") + "/admin/api/2026-10/graphql.json");
        Map<String, Object> body =
                Map.of("query", QUERY, "variables", Map.of("inventoryItemId", MUG, "locationId", LOCATION));

        Http.Answer wrong = Http.post(endpoint, Map.of("X-Shopify-Access-Token", "shpat_wrong"), body);
        Http.Answer missing = Http.post(endpoint, body);

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().path("errors").asText()).contains("Invalid API key or access token");
        assertThat(missing.status()).isEqualTo(401);
    }

    @Test
    void requiresTheIdempotencyKeyFrom2026_04() {
        start(null);
        String withoutKey =
                """
                mutation SetQuantities($input: InventorySetQuantitiesInput!) {
                  inventorySetQuantities(input: $input) { userErrors { code field message } }
                }""";

        Http.Answer answer = graphql(withoutKey, Map.of("input", input(List.of(entry(MUG, 1, 10)))));

        assertThat(answer.json().path("errors").get(0).path("message").asText()).contains("@idempotent");
        assertThat(quantity("MUG")).isEqualTo(10);
    }

    @Test
    void throttlesOnceTheBucketIsEmptyAndRecoversAtTheRestoreRate() {
        start(new ShopifyThrottle(30.0, 10.0, 10, 2));

        assertThat(available(set("t-1", entry(MUG, 9, null)))).isEqualTo(20);
        assertThat(available(set("t-2", entry(MUG, 8, null)))).isEqualTo(10);
        assertThat(available(set("t-3", entry(MUG, 7, null)))).isZero();

        Http.Answer throttled = set("t-4", entry(MUG, 6, null));
        assertThat(throttled.status()).isEqualTo(200);
        assertThat(throttled.json().has("data")).isFalse();
        JsonNode error = throttled.json().path("errors").get(0);
        assertThat(error.path("message").asText()).isEqualTo("Throttled");
        assertThat(error.at("/extensions/code").asText()).isEqualTo("THROTTLED");
        JsonNode cost = throttled.json().at("/extensions/cost");
        assertThat(cost.path("requestedQueryCost").asInt()).isEqualTo(10);
        assertThat(cost.path("actualQueryCost").isNull()).isTrue();
        assertThat(cost.at("/throttleStatus/currentlyAvailable").asInt()).isZero();
        assertThat(cost.at("/throttleStatus/maximumAvailable").asDouble()).isEqualTo(30.0);
        assertThat(cost.at("/throttleStatus/restoreRate").asDouble()).isEqualTo(10.0);
        assertThat(quantity("MUG")).isEqualTo(7);

        clock.advance(Duration.ofMillis(500));
        assertThat(set("t-5", entry(MUG, 6, null))
                        .json()
                        .at("/errors/0/extensions/code")
                        .asText())
                .isEqualTo("THROTTLED");
        clock.advance(Duration.ofMillis(500));
        Http.Answer recovered = set("t-6", entry(MUG, 6, null));
        assertThat(recovered.json().at("/data/inventorySetQuantities/userErrors"))
                .isEmpty();
        assertThat(available(recovered)).isZero();
        assertThat(quantity("MUG")).isEqualTo(6);
        // a query costs less: two points are back after 0.2 s
        clock.advance(Duration.ofMillis(200));
        Http.Answer read = graphql(QUERY, Map.of("inventoryItemId", MUG, "locationId", LOCATION));
        assertThat(read.json()
                        .at("/data/inventoryItem/inventoryLevel/quantities/0/quantity")
                        .asInt())
                .isEqualTo(6);
    }

    @Test
    void aThrottleFaultShrinksTheBucketUntilCleared() {
        start(null);
        URI fault = URI.create(simulator.adminUrl() + "/shops/acme/faults/throttle");

        assertThat(Http.put(fault, Map.of("maximumAvailable", 50, "restoreRate", 1, "currentlyAvailable", 0))
                        .status())
                .isEqualTo(200);
        Http.Answer throttled = set("f-1", entry(MUG, 1, null));
        assertThat(throttled.json().at("/errors/0/extensions/code").asText()).isEqualTo("THROTTLED");
        assertThat(throttled
                        .json()
                        .at("/extensions/cost/throttleStatus/maximumAvailable")
                        .asDouble())
                .isEqualTo(50.0);

        assertThat(Http.delete(fault).status()).isEqualTo(204);
        clock.advance(Duration.ofSeconds(1));
        Http.Answer after = set("f-2", entry(MUG, 1, null));
        assertThat(after.json().at("/data/inventorySetQuantities/userErrors")).isEmpty();
        assertThat(after.json()
                        .at("/extensions/cost/throttleStatus/maximumAvailable")
                        .asDouble())
                .isEqualTo(2000.0);
    }

    private static int available(Http.Answer answer) {
        return answer.json()
                .at("/extensions/cost/throttleStatus/currentlyAvailable")
                .asInt();
    }

    @SafeVarargs
    private Http.Answer set(String key, Map<String, Object>... quantities) {
        return graphql(MUTATION, Map.of("input", input(List.of(quantities)), "idempotencyKey", key));
    }

    private static Map<String, Object> input(List<Map<String, Object>> quantities) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("name", "available");
        input.put("reason", "correction");
        input.put("referenceDocumentUri", "gid://syncline/StockPush/1");
        input.put("quantities", quantities);
        return input;
    }

    static Map<String, Object> entry(String item, int quantity, Integer changeFrom) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("inventoryItemId", item);
        entry.put("locationId", LOCATION);
        entry.put("quantity", quantity);
        entry.put("changeFromQuantity", changeFrom);
        return entry;
    }

    private Http.Answer graphql(String query, Map<String, Object> variables) {
        return Http.post(
                URI.create(simulator.apiBaseUrl("acme") + "/admin/api/2026-10/graphql.json"),
                Map.of("X-Shopify-Access-Token", "shpat_right"),
                Map.of("query", query, "variables", variables));
    }

    private JsonNode item(String sku) {
        return Http.get(URI.create(simulator.adminUrl() + "/shops/acme/items/" + sku))
                .json();
    }

    private int quantity(String sku) {
        return item(sku).path("quantity").asInt();
    }
}
