package io.syncline.gateway.channels.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Shopify's inventory calls against a real HTTP server that keeps one level and answers as Shopify does. */
class ShopifyInventoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ITEM = "gid://shopify/InventoryItem/30322695";
    private static final String LOCATION = "gid://shopify/Location/124656943";
    private static final String TOKEN = "shpat_test";

    private HttpServer server;
    private final AtomicInteger level = new AtomicInteger(7);
    private final AtomicReference<String> throttle = new AtomicReference<>();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private ShopifyInventory shop;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/admin/api/2026-10/graphql.json", this::answer);
        server.start();
        shop = new ShopifyInventory(
                HttpClient.newHttpClient(),
                "http://127.0.0.1:" + server.getAddress().getPort() + "/",
                "2026-10",
                TOKEN,
                Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void setsTheQuantityFromWhatTheShopShowsUnderAnIdempotencyKey() {
        assertThat(shop.set(ITEM, LOCATION, 3, 7, "key-1", "gid://syncline/StockPush/key-1"))
                .isInstanceOf(ShopifyInventory.Result.Done.class);
        assertThat(level.get()).isEqualTo(3);
        JsonNode sent = requests.get(0);
        assertThat(sent.path("query").asText())
                .contains("inventorySetQuantities(input: $input) @idempotent(key: $idempotencyKey)");
        JsonNode input = sent.path("variables").path("input");
        assertThat(input.path("name").asText()).isEqualTo("available");
        assertThat(input.path("reason").asText()).isEqualTo("correction");
        assertThat(input.path("quantities").get(0).path("changeFromQuantity").asInt())
                .isEqualTo(7);
        assertThat(sent.path("variables").path("idempotencyKey").asText()).isEqualTo("key-1");
    }

    @Test
    void aShopChangedMeanwhileIsStaleAndItsLevelIsReadBack() {
        assertThat(shop.set(ITEM, LOCATION, 3, 5, "key-2", "ref")).isInstanceOf(ShopifyInventory.Result.Stale.class);
        assertThat(level.get()).as("nothing changed").isEqualTo(7);
        assertThat(shop.read(ITEM, LOCATION)).contains(7);
    }

    @Test
    void anUnknownQuantityIsSentAsNull() {
        shop.set(ITEM, LOCATION, 4, null, "key-3", "ref");
        assertThat(requests.get(0)
                        .path("variables")
                        .path("input")
                        .path("quantities")
                        .get(0)
                        .get("changeFromQuantity")
                        .isNull())
                .isTrue();
        assertThat(level.get()).isEqualTo(4);
    }

    @Test
    void theThrottleSaysHowLongToWaitFromTheBucket() {
        throttle.set("graphql");
        ShopifyInventory.Result result = shop.set(ITEM, LOCATION, 3, 7, "key-4", "ref");
        // cost 10, 2 available, 100 restored per second: 80 ms
        assertThat(result).isEqualTo(new ShopifyInventory.Result.Throttled(Duration.ofMillis(100)));
        throttle.set("429");
        assertThat(shop.set(ITEM, LOCATION, 3, 7, "key-5", "ref"))
                .isEqualTo(new ShopifyInventory.Result.Throttled(Duration.ofSeconds(2)));
        assertThat(level.get()).isEqualTo(7);
    }

    @Test
    void aShopThatIsDownMayPassAndAWrongTokenWillNot() {
        server.removeContext("/admin/api/2026-10/graphql.json");
        server.createContext("/admin/api/2026-10/graphql.json", exchange -> reply(exchange, 503, "{}"));
        assertThatThrownBy(() -> shop.set(ITEM, LOCATION, 3, 7, "k", "ref"))
                .isInstanceOfSatisfying(ShopifyApiException.class, e -> assertThat(e.retryable())
                        .isTrue());
        server.removeContext("/admin/api/2026-10/graphql.json");
        server.createContext(
                "/admin/api/2026-10/graphql.json",
                exchange -> reply(exchange, 401, "{\"errors\":\"[API] Invalid API key or access token\"}"));
        assertThatThrownBy(() -> shop.set(ITEM, LOCATION, 3, 7, "k", "ref"))
                .isInstanceOfSatisfying(ShopifyApiException.class, e -> assertThat(e.retryable())
                        .isFalse());
    }

    private void answer(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        requests.add(request);
        if (!TOKEN.equals(exchange.getRequestHeaders().getFirst("X-Shopify-Access-Token"))) {
            reply(exchange, 401, "{\"errors\":\"[API] Invalid API key or access token\"}");
            return;
        }
        String cost = "\"extensions\":{\"cost\":{\"requestedQueryCost\":10,\"actualQueryCost\":10,"
                + "\"throttleStatus\":{\"maximumAvailable\":2000.0,\"currentlyAvailable\":"
                + ("graphql".equals(throttle.get()) ? "2" : "1990") + ",\"restoreRate\":100.0}}}}";
        if ("graphql".equals(throttle.get())) {
            reply(
                    exchange,
                    200,
                    "{\"errors\":[{\"message\":\"Throttled\",\"extensions\":{\"code\":\"THROTTLED\"}}]," + cost);
            return;
        }
        if ("429".equals(throttle.get())) {
            exchange.getResponseHeaders().set("Retry-After", "2.0");
            reply(exchange, 429, "{\"errors\":\"Exceeded 2 calls per second for api client.\"}");
            return;
        }
        String query = request.path("query").asText();
        if (query.contains("inventorySetQuantities")) {
            JsonNode line =
                    request.path("variables").path("input").path("quantities").get(0);
            JsonNode from = line.get("changeFromQuantity");
            if (from != null && !from.isNull() && from.asInt() != level.get()) {
                reply(
                        exchange,
                        200,
                        "{\"data\":{\"inventorySetQuantities\":{\"inventoryAdjustmentGroup\":null,"
                                + "\"userErrors\":[{\"code\":\"CHANGE_FROM_QUANTITY_STALE\",\"field\":[\"input\","
                                + "\"quantities\",\"0\",\"changeFromQuantity\"],\"message\":\"The specified compare"
                                + " quantity does not match the current quantity.\"}]}}," + cost);
                return;
            }
            int before = level.getAndSet(line.path("quantity").asInt());
            reply(
                    exchange,
                    200,
                    "{\"data\":{\"inventorySetQuantities\":{\"inventoryAdjustmentGroup\":{\"changes\":"
                            + "[{\"name\":\"available\",\"delta\":" + (level.get() - before)
                            + ",\"quantityAfterChange\":null}]},"
                            + "\"userErrors\":[]}}," + cost);
            return;
        }
        reply(
                exchange,
                200,
                "{\"data\":{\"inventoryItem\":{\"inventoryLevel\":{\"quantities\":[{\"name\":"
                        + "\"available\",\"quantity\":" + level.get() + "}]}}}," + cost);
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
