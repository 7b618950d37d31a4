package io.syncline.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncline.platform.test.ApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The gateway calls {@link DistributedTopologyIT} makes as one user or another. Each call asserts
 * the status it expects; each wait polls until its condition holds, since the read models follow
 * the events Axon Server routes to them.
 */
final class DistributedCalls {

    private static final Duration SETTLED_WITHIN = Duration.ofSeconds(20);
    /** A fresh gateway first catches up on every event Axon Server holds, earlier runs' too. */
    private static final Duration LOGGED_WITHIN = Duration.ofSeconds(60);

    private static final Duration POLL = Duration.ofMillis(250);

    private DistributedCalls() {}

    static String sku(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static String inventory(String sku) {
        return "/api/inventory/" + sku;
    }

    static ApiClient.Response putStock(ApiClient client, String sku, int onHand) {
        return putStock(client, sku, onHand, 1, sku);
    }

    static ApiClient.Response putStock(ApiClient client, String sku, int onHand, int threshold, String name) {
        return client.put(inventory(sku), Map.of("onHand", onHand, "lowStockThreshold", threshold, "name", name));
    }

    static Map<String, Object> line(String sku, int quantity) {
        return Map.of("sku", sku, "quantity", quantity);
    }

    /** Places an order, waiting for the decision; each call its own idempotency key, so each reaches the bus. */
    static ApiClient.Response place(
            ApiClient client,
            String channelOrderId,
            List<Map<String, Object>> lines,
            Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put("Prefer", "wait=20");
        headers.put("Idempotency-Key", UUID.randomUUID().toString());
        return client.send(
                "POST",
                "/api/orders",
                Map.of("channel", "WEB", "channelOrderId", channelOrderId, "lines", lines),
                headers);
    }

    /** Places an order and returns the response body, whatever the outcome. */
    static JsonNode placeOrder(
            ApiClient client,
            String channelOrderId,
            List<Map<String, Object>> lines,
            Map<String, String> extraHeaders) {
        ApiClient.Response r = place(client, channelOrderId, lines, extraHeaders);
        assertThat(r.status()).as("POST /api/orders: %s", r).isBetween(200, 202);
        return r.json();
    }

    /** Places an order that must be decided while waiting; returns its id. */
    static String decidedOrder(ApiClient client, List<Map<String, Object>> lines, String status) {
        ApiClient.Response r = place(client, "dt-" + UUID.randomUUID(), lines, Map.of());
        assertThat(r.status()).as("POST /api/orders: %s", r).isEqualTo(201);
        assertThat(r.json().get("status").asText()).as("order %s", r.json()).isEqualTo(status);
        return r.json().get("orderId").asText();
    }

    /** The body of a GET that must answer 200. */
    static JsonNode get(ApiClient client, String path) {
        ApiClient.Response r = client.get(path);
        assertThat(r.status()).as("GET %s: %s", path, r).isEqualTo(200);
        return r.json();
    }

    /** The {@code items} of a page that must answer 200. */
    static List<JsonNode> items(ApiClient client, String path) {
        List<JsonNode> items = new ArrayList<>();
        get(client, path).get("items").forEach(items::add);
        return items;
    }

    /** The stock view once {@code settled} holds. */
    static JsonNode awaitStock(ApiClient client, String sku, Predicate<JsonNode> settled) {
        return await(client, inventory(sku), settled, SETTLED_WITHIN);
    }

    /** The order once {@code settled} holds. */
    static JsonNode awaitOrder(ApiClient client, String orderId, Predicate<JsonNode> settled) {
        return await(client, "/api/orders/" + orderId, settled, SETTLED_WITHIN);
    }

    /** The order's events once the gateway's event log holds one of {@code type}. */
    static List<JsonNode> awaitEvents(ApiClient client, String orderId, String type) {
        String path = "/api/events?limit=200&aggregateId=" + orderId;
        JsonNode page = await(
                client,
                path,
                p -> {
                    for (JsonNode event : p.get("items")) {
                        if (type.equals(event.get("type").asText())) {
                            return true;
                        }
                    }
                    return false;
                },
                LOGGED_WITHIN);
        List<JsonNode> events = new ArrayList<>();
        page.get("items").forEach(events::add);
        return events;
    }

    /** What {@code path} answers once {@code settled} holds. */
    static JsonNode awaitPath(ApiClient client, String path, Predicate<JsonNode> settled) {
        return await(client, path, settled, SETTLED_WITHIN);
    }

    private static JsonNode await(ApiClient client, String path, Predicate<JsonNode> settled, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        JsonNode body;
        do {
            body = get(client, path);
            if (settled.test(body)) {
                return body;
            }
            ServiceProcess.sleep(POLL);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(path + " did not settle within " + within + ": " + body);
    }
}
