package io.syncline.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncline.platform.test.ApiClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Orders reserve stock through the fulfilment saga: end to end through HTTP on PostgreSQL. */
class OrderFlowIT extends StandaloneIntegrationTest {

    @Test
    void threeLineOrderIsConfirmedAndReservesEveryLine() {
        String a = sku("A"), b = sku("B"), c = sku("C");
        stock(alice, a, 10);
        stock(alice, b, 10);
        stock(alice, c, 10);

        var placed = placeAndWait(alice, List.of(line(a, 1), line(b, 2), line(c, 3)));

        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.json().get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(placed.header("Location"))
                .endsWith("/api/orders/" + placed.json().get("orderId").asText());
        assertThat(level(alice, a).get("reserved").asInt()).isEqualTo(1);
        assertThat(level(alice, b).get("reserved").asInt()).isEqualTo(2);
        JsonNode cLevel = level(alice, c);
        assertThat(cLevel.get("reserved").asInt()).isEqualTo(3);
        assertThat(cLevel.get("available").asInt()).isEqualTo(7);
    }

    @Test
    void orderWithOneShortLineIsRejectedAndReleasesThePartialReservation() {
        String plenty = sku("PLENTY"), scarce = sku("SCARCE");
        stock(alice, plenty, 10);
        stock(alice, scarce, 1);

        var placed = placeAndWait(alice, List.of(line(plenty, 4), line(scarce, 2)));

        assertThat(placed.json().get("status").asText()).isEqualTo("REJECTED");
        assertThat(placed.json().get("reason").asText()).isEqualTo("OUT_OF_STOCK:" + scarce);
        awaitReserved(alice, plenty, 0);
        awaitReserved(alice, scarce, 0);
    }

    @Test
    void unknownSkuRejectsTheOrder() {
        var placed = placeAndWait(alice, List.of(line(sku("NOPE"), 1)));

        assertThat(placed.json().get("status").asText()).isEqualTo("REJECTED");
        assertThat(placed.json().get("reason").asText()).startsWith("UNKNOWN_SKU:");
    }

    @Test
    void twentyConcurrentOrdersForFiveUnitsConfirmExactlyFive() throws Exception {
        String scarce = sku("HOT");
        stock(alice, scarce, 5);

        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Callable<ApiClient.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(() -> placeAndWait(alice, List.of(line(scarce, 1))));
        }
        List<String> statuses = new ArrayList<>();
        for (Future<ApiClient.Response> f : pool.invokeAll(calls)) {
            statuses.add(awaitDecided(alice, f.get().json().get("orderId").asText())
                    .get("status")
                    .asText());
        }
        pool.shutdown();

        assertThat(statuses).filteredOn("CONFIRMED"::equals).hasSize(5);
        assertThat(statuses).filteredOn("REJECTED"::equals).hasSize(15);
        JsonNode level = level(alice, scarce);
        assertThat(level.get("available").asInt()).isZero();
        assertThat(level.get("reserved").asInt()).isEqualTo(5);
        assertThat(level.get("onHand").asInt()).isEqualTo(5);
    }

    @Test
    void cancellingAConfirmedOrderReleasesItsStock() {
        String item = sku("CANCEL");
        stock(alice, item, 3);
        String orderId = placeAndWait(alice, List.of(line(item, 2)))
                .json()
                .get("orderId")
                .asText();
        awaitReserved(alice, item, 2);

        var cancelled = alice.post("/api/orders/" + orderId + "/cancellation", null);

        assertThat(cancelled.status()).isEqualTo(202);
        awaitStatus(alice, orderId, "CANCELLED");
        awaitReserved(alice, item, 0);
        assertThat(level(alice, item).get("onHand").asInt()).isEqualTo(3);
    }

    @Test
    void shippingTurnsTheReservationIntoADeduction() {
        String item = sku("SHIP");
        stock(alice, item, 3);
        String orderId = placeAndWait(alice, List.of(line(item, 2)))
                .json()
                .get("orderId")
                .asText();

        var shipped = alice.post("/api/orders/" + orderId + "/shipment", null);

        assertThat(shipped.status()).isEqualTo(202);
        awaitStatus(alice, orderId, "SHIPPED");
        awaitReserved(alice, item, 0);
        assertThat(level(alice, item).get("onHand").asInt()).isEqualTo(1);
        assertThat(alice.post("/api/orders/" + orderId + "/cancellation", null).status())
                .isEqualTo(409);
    }

    @Test
    void theSameChannelOrderTwiceIsOneOrder() throws Exception {
        String item = sku("DUP");
        stock(alice, item, 10);
        Map<String, Object> body =
                Map.of("channel", "web", "channelOrderId", "dup-" + UUID.randomUUID(), "lines", List.of(line(item, 1)));

        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<ApiClient.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(() -> alice.post("/api/orders", body));
        }
        List<String> ids = new ArrayList<>();
        for (Future<ApiClient.Response> f : pool.invokeAll(calls)) {
            ApiClient.Response r = f.get();
            assertThat(r.status()).as(r.body()).isIn(200, 202);
            ids.add(r.json().get("orderId").asText());
        }
        pool.shutdown();

        assertThat(ids).containsOnly(ids.get(0));
        awaitReserved(alice, item, 1);
        assertThat(alice.get("/api/orders?size=200").json().get("items").findValuesAsText("channelOrderId"))
                .filteredOn(body.get("channelOrderId")::equals)
                .hasSize(1);
    }

    static String sku(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> line(String sku, int quantity) {
        return Map.of("sku", sku, "quantity", quantity);
    }

    static void stock(ApiClient client, String sku, int onHand) {
        var r = client.put("/api/inventory/" + sku, Map.of("onHand", onHand, "lowStockThreshold", 0, "name", sku));
        assertThat(r.status()).as(r.body()).isIn(200, 201);
    }

    static ApiClient.Response placeAndWait(ApiClient client, List<Map<String, Object>> lines) {
        var r = client.send(
                "POST",
                "/api/orders",
                Map.of("channel", "web", "channelOrderId", UUID.randomUUID().toString(), "lines", lines),
                Map.of("Prefer", "wait=20"));
        assertThat(r.status()).as(r.body()).isIn(201, 202);
        return r;
    }

    static JsonNode level(ApiClient client, String sku) {
        var r = client.get("/api/inventory/" + sku);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static void awaitReserved(ApiClient client, String sku, int reserved) {
        await(() -> level(client, sku).get("reserved").asInt() == reserved, "reserved of " + sku + " = " + reserved);
    }

    static JsonNode awaitStatus(ApiClient client, String orderId, String status) {
        await(
                () -> status.equals(client.get("/api/orders/" + orderId)
                        .json()
                        .get("status")
                        .asText()),
                orderId + " " + status);
        return client.get("/api/orders/" + orderId).json();
    }

    static JsonNode awaitDecided(ApiClient client, String orderId) {
        await(
                () -> !"PENDING"
                        .equals(client.get("/api/orders/" + orderId)
                                .json()
                                .get("status")
                                .asText()),
                orderId + " decided");
        return client.get("/api/orders/" + orderId).json();
    }

    static void await(java.util.function.BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
