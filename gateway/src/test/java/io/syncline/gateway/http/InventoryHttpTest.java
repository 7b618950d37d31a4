package io.syncline.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncline.platform.test.ApiClient;
import org.junit.jupiter.api.Test;

class InventoryHttpTest extends EdgeTest {

    @Test
    void definesASkuWith201AndCountsItWith200() {
        String sku = unique("shirt");
        ApiClient.Response first =
                alice.put("/api/inventory/" + sku, "{\"onHand\":10,\"lowStockThreshold\":2,\"name\":\"Shirt\"}");
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("location")).isEqualTo("/api/inventory/" + sku);
        // the read model lags: the answer still shows the count, not the bare definition
        assertThat(first.json().path("onHand").asInt()).isEqualTo(10);
        assertThat(first.json().path("name").asText()).isEqualTo("Shirt");

        ApiClient.Response second = alice.put("/api/inventory/" + sku, "{\"onHand\":4,\"lowStockThreshold\":2}");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("onHand").asInt()).isEqualTo(4);
        assertThat(second.json().path("version").asLong())
                .isGreaterThan(first.json().path("version").asLong());
    }

    @Test
    void answersAStockViewWithEveryContractField() {
        String sku = unique("view");
        alice.put("/api/inventory/" + sku, "{\"onHand\":3,\"lowStockThreshold\":5}");
        JsonNode view = alice.get("/api/inventory/" + sku).json();
        assertThat(view.fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder(
                        "sku",
                        "name",
                        "onHand",
                        "reserved",
                        "available",
                        "lowStockThreshold",
                        "low",
                        "version",
                        "updatedAt");
        assertThat(view.path("available").asInt()).isEqualTo(3);
        assertThat(view.path("low").asBoolean()).isTrue();
        assertThat(view.path("updatedAt").asText()).endsWith("Z");
    }

    @Test
    void adjustsAndAnswersTheAdjustedView() {
        String sku = unique("adj");
        alice.put("/api/inventory/" + sku, "{\"onHand\":10,\"lowStockThreshold\":0}");
        ApiClient.Response r =
                alice.post("/api/inventory/" + sku + "/adjustments", "{\"delta\":-3,\"reason\":\"damaged\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("onHand").asInt()).isEqualTo(7);
    }

    @Test
    void refusesAnAdjustmentBelowWhatIsReserved() {
        String sku = unique("res");
        alice.put("/api/inventory/" + sku, "{\"onHand\":5,\"lowStockThreshold\":0}");
        inventory.reserve("m1", sku, 4);
        assertProblem(alice.post("/api/inventory/" + sku + "/adjustments", "{\"delta\":-2,\"reason\":\"lost\"}"), 409);
    }

    @Test
    void hidesOtherMerchantsSkus() {
        String sku = unique("mine");
        alice.put("/api/inventory/" + sku, "{\"onHand\":5,\"lowStockThreshold\":0}");
        assertProblem(bob.get("/api/inventory/" + sku), 404);
        assertProblem(bob.post("/api/inventory/" + sku + "/adjustments", "{\"delta\":1,\"reason\":\"x\"}"), 404);
        assertProblem(alice.get("/api/inventory/" + unique("none")), 404);
    }

    @Test
    void listsOnlyLowStockWhenAsked() {
        String low = unique("low");
        String plenty = unique("plenty");
        bob.put("/api/inventory/" + low, "{\"onHand\":1,\"lowStockThreshold\":5}");
        bob.put("/api/inventory/" + plenty, "{\"onHand\":100,\"lowStockThreshold\":5}");
        JsonNode page = bob.get("/api/inventory?low=true&page=0&size=50").json();
        assertThat(page.path("page").asInt()).isZero();
        assertThat(page.path("size").asInt()).isEqualTo(50);
        assertThat(page.path("items").findValuesAsText("sku")).contains(low).doesNotContain(plenty);
        assertThat(page.path("total").asLong()).isEqualTo(page.path("items").size());
    }

    @Test
    void letsViewersRead() {
        String sku = unique("read");
        alice.put("/api/inventory/" + sku, "{\"onHand\":1,\"lowStockThreshold\":0}");
        assertThat(vera.get("/api/inventory/" + sku).status()).isEqualTo(200);
        assertProblem(vera.post("/api/inventory/" + sku + "/adjustments", "{\"delta\":1,\"reason\":\"x\"}"), 403);
    }
}
