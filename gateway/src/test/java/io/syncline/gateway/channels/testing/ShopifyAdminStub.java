package io.syncline.gateway.channels.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Shopify's GraphQL Admin endpoint for one inventory level on a random local port: {@code
 * inventorySetQuantities} compare-and-set with its stale error, the level query, the cost extension, and on
 * request a throttled or a 429 answer, as Shopify writes them.
 */
public final class ShopifyAdminStub implements AutoCloseable {

    public static final String PATH = "/admin/api/2026-10/graphql.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String token;
    private final AtomicInteger level;
    private final AtomicReference<String> throttle = new AtomicReference<>();
    private final AtomicReference<Integer> status = new AtomicReference<>();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();

    public ShopifyAdminStub(String token, int level) {
        this.token = token;
        this.level = new AtomicInteger(level);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(PATH, this::answer);
        server.start();
    }

    /** The shop's origin, to give as the channel's {@code apiBaseUrl}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int level() {
        return level.get();
    }

    /** Edits the level on the shop's side. */
    public void level(int value) {
        level.set(value);
    }

    /**
     * {@code "graphql"}: THROTTLED with 2 of the call's 10 points left, 4 restored a second (2 s to wait); {@code
     * "429"}: Retry-After 2.0; null: none.
     */
    public void throttle(String kind) {
        throttle.set(kind);
    }

    /** Answers every call with this HTTP status and no GraphQL body; null to answer normally again. */
    public void failWith(Integer httpStatus) {
        status.set(httpStatus);
    }

    public List<JsonNode> requests() {
        return requests;
    }

    private void answer(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        requests.add(request);
        if (status.get() != null) {
            reply(exchange, status.get(), "{}");
            return;
        }
        if (!token.equals(exchange.getRequestHeaders().getFirst("X-Shopify-Access-Token"))) {
            reply(exchange, 401, "{\"errors\":\"[API] Invalid API key or access token\"}");
            return;
        }
        String cost = "\"extensions\":{\"cost\":{\"requestedQueryCost\":10,\"actualQueryCost\":10,"
                + "\"throttleStatus\":{\"maximumAvailable\":2000.0,\"currentlyAvailable\":"
                + ("graphql".equals(throttle.get()) ? "2,\"restoreRate\":4.0}}}}" : "1990,\"restoreRate\":100.0}}}}");
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
        if (request.path("query").asText().contains("inventorySetQuantities")) {
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
                            + ",\"quantityAfterChange\":null}]},\"userErrors\":[]}}," + cost);
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

    @Override
    public void close() {
        server.stop(0);
    }
}
