package io.syncline.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncline.platform.test.ApiClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrdersHttpTest extends EdgeTest {

    private static String order(String channelOrderId, String sku) {
        return "{\"channel\":\"web\",\"channelOrderId\":\"" + channelOrderId + "\",\"lines\":[{\"sku\":\"" + sku
                + "\",\"quantity\":2}]}";
    }

    @Test
    void acceptsAnOrderWith202AndItsLocation() {
        ApiClient.Response r = alice.post("/api/orders", order(unique("c"), "sku-1"));
        assertThat(r.status()).isEqualTo(202);
        String id = r.json().path("orderId").asText();
        assertThat(r.json().path("status").asText()).isEqualTo("PENDING");
        assertThat(r.header("location")).isEqualTo("/api/orders/" + id);
        assertThat(r.header("preference-applied")).isNull();
    }

    @Test
    void waitsForTheDecisionWhenPreferred() {
        ApiClient.Response r =
                alice.send("POST", "/api/orders", order(unique("c"), "sku-1"), Map.of("Prefer", "wait=5"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.header("preference-applied")).isEqualTo("wait=5");
        JsonNode body = r.json();
        assertThat(body.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(body.fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder(
                        "orderId", "channel", "channelOrderId", "status", "lines", "reason", "createdAt", "updatedAt");
        assertThat(r.header("location"))
                .isEqualTo("/api/orders/" + body.path("orderId").asText());
    }

    @Test
    void waitsForARejectionToo() {
        ApiClient.Response r = alice.send(
                "POST", "/api/orders", order(unique("c"), "nostock-1"), Map.of("Prefer", "respond-async, wait=5"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().path("status").asText()).isEqualTo("REJECTED");
        assertThat(r.json().path("reason").asText()).isEqualTo("OUT_OF_STOCK:nostock-1");
    }

    @Test
    void answersWhatItHasWhenTheWaitRunsOut() {
        long start = System.nanoTime();
        ApiClient.Response r =
                alice.send("POST", "/api/orders", order(unique("c"), "slow-1"), Map.of("Prefer", "wait=1"));
        assertThat(System.nanoTime() - start).isGreaterThan(900_000_000L);
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.header("preference-applied")).isEqualTo("wait=1");
        assertThat(r.json().path("status").asText()).isEqualTo("PENDING");
    }

    @Test
    void answersTheExistingOrderForTheSameChannelOrder() {
        String channelOrderId = unique("dup");
        String first = alice.send("POST", "/api/orders", order(channelOrderId, "sku-1"), Map.of("Prefer", "wait=5"))
                .json()
                .path("orderId")
                .asText();
        ApiClient.Response again = alice.post("/api/orders", order(channelOrderId, "sku-1"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("orderId").asText()).isEqualTo(first);
        assertThat(again.header("location")).isEqualTo("/api/orders/" + first);
        assertThat(alice.get("/api/orders?size=200").json().path("items").findValuesAsText("channelOrderId"))
                .containsOnlyOnce(channelOrderId);
    }

    @Test
    void readsAndListsTheMerchantsOrders() {
        String id = alice.send("POST", "/api/orders", order(unique("c"), "sku-1"), Map.of("Prefer", "wait=5"))
                .json()
                .path("orderId")
                .asText();
        assertThat(alice.get("/api/orders/" + id).json().path("status").asText())
                .isEqualTo("CONFIRMED");
        JsonNode page = alice.get("/api/orders?status=CONFIRMED&page=0&size=10").json();
        assertThat(page.path("items").findValuesAsText("orderId")).contains(id);
        assertThat(page.path("items").findValuesAsText("status")).containsOnly("CONFIRMED");
        assertThat(page.path("size").asInt()).isEqualTo(10);
    }

    @Test
    void hidesOtherMerchantsOrders() {
        String id = alice.send("POST", "/api/orders", order(unique("c"), "sku-1"), Map.of("Prefer", "wait=5"))
                .json()
                .path("orderId")
                .asText();
        assertProblem(bob.get("/api/orders/" + id), 404);
        assertProblem(bob.post("/api/orders/" + id + "/cancellation", null), 404);
        assertProblem(bob.post("/api/orders/" + id + "/shipment", null), 404);
        assertThat(bob.get("/api/orders?size=200").json().path("items").findValuesAsText("orderId"))
                .doesNotContain(id);
    }

    @Test
    void shipsOnlyConfirmedOrdersAndCancelsOnlyUnshippedOnes() {
        String pending = alice.post("/api/orders", order(unique("c"), "slow-2"))
                .json()
                .path("orderId")
                .asText();
        assertProblem(alice.post("/api/orders/" + pending + "/shipment", null), 409);

        String confirmed = alice.send("POST", "/api/orders", order(unique("c"), "sku-1"), Map.of("Prefer", "wait=5"))
                .json()
                .path("orderId")
                .asText();
        ApiClient.Response shipped = alice.post("/api/orders/" + confirmed + "/shipment", null);
        assertThat(shipped.status()).isEqualTo(202);
        assertThat(shipped.json().path("status").asText()).isEqualTo("SHIPPED");
        assertProblem(alice.post("/api/orders/" + confirmed + "/cancellation", "{\"reason\":\"late\"}"), 409);

        ApiClient.Response cancelled = alice.post("/api/orders/" + pending + "/cancellation", null);
        assertThat(cancelled.status()).isEqualTo(202);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void capsTheWaitAtTheConfiguredMaximum() {
        ApiClient.Response r =
                alice.send("POST", "/api/orders", order(unique("c"), "sku-1"), Map.of("Prefer", "wait=99999999999999"));
        assertThat(r.header("preference-applied")).isEqualTo("wait=30");
    }
}
