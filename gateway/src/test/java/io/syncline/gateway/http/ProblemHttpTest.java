package io.syncline.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncline.platform.test.ApiClient;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Clients' mistakes are answered as problems with the right status, never 500. */
class ProblemHttpTest extends EdgeTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"channel\":\"web\",\"channelOrderId\":\"1\",\"lines\":[{\"sku\":\"a\",\"quantity\":-1}]}|lines[0].quantity",
                "{\"channel\":\"web\",\"channelOrderId\":\"1\",\"lines\":[{\"sku\":\"a\",\"quantity\":0}]}|lines[0].quantity",
                "{\"channel\":\"web\",\"channelOrderId\":\"1\",\"lines\":[{\"sku\":\"a\",\"quantity\":1.5}]}|lines[0].quantity",
                "{\"channel\":\"web\",\"channelOrderId\":\"1\",\"lines\":[{\"sku\":\"a\",\"quantity\":\"2\"}]}|lines[0].quantity",
                "{\"channel\":\"web\",\"channelOrderId\":\"1\",\"lines\":[{\"sku\":\"a\",\"quantity\":99999999999}]}|lines[0].quantity",
                "{\"channel\":\"web\",\"channelOrderId\":\"1\",\"lines\":[{\"sku\":\"a b\",\"quantity\":1}]}|lines[0].sku",
                "{\"channel\":\"web\",\"channelOrderId\":\"1\",\"lines\":[{\"quantity\":1}]}|lines[0].sku",
                "{\"channel\":\"web\",\"channelOrderId\":\"1\",\"lines\":[null]}|lines[0]",
                "{\"channel\":\"web\",\"channelOrderId\":\"1\",\"lines\":[]}|lines",
                "{\"channel\":\"web\",\"channelOrderId\":\"1\",\"lines\":{}}|lines",
                "{\"channel\":\"web\",\"channelOrderId\":\"1\"}|lines",
                "{\"channel\":\"w/b\",\"channelOrderId\":\"1\",\"lines\":[{\"sku\":\"a\",\"quantity\":1}]}|channel",
                "{\"channel\":7,\"channelOrderId\":\"1\",\"lines\":[{\"sku\":\"a\",\"quantity\":1}]}|channel",
                "{\"channelOrderId\":\"1\",\"lines\":[{\"sku\":\"a\",\"quantity\":1}]}|channel",
                "{\"channel\":\"web\",\"channelOrderId\":\"\",\"lines\":[{\"sku\":\"a\",\"quantity\":1}]}|channelOrderId",
                "{\"channel\":\"web\",\"channelOrderId\":{},\"lines\":[{\"sku\":\"a\",\"quantity\":1}]}|channelOrderId",
                "[1,2]|body",
                "\"text\"|body"
            })
    void rejectsBadOrders(String body, String field) {
        assertValidation(alice.post("/api/orders", body), field);
    }

    @Test
    void namesEveryInvalidField() {
        ApiClient.Response r =
                alice.post("/api/orders", "{\"channel\":\"\",\"lines\":[{\"sku\":\"\",\"quantity\":-5}]}");
        assertProblem(r, 400);
        assertThat(r.errorFields()).contains("channel", "channelOrderId", "lines[0].sku", "lines[0].quantity");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"channel\":", "{\"channel\" \"web\"}", "nonsense", "{\"a\":1}}", "{'a':1}"})
    void rejectsMalformedJson(String body) {
        assertProblem(alice.post("/api/orders", body), 400);
    }

    @Test
    void rejectsAMissingBody() {
        assertProblem(alice.send("POST", "/api/orders", (String) null, Map.of()), 400);
        assertProblem(alice.send("POST", "/api/orders", "", Map.of()), 400);
        assertProblem(alice.send("PUT", "/api/inventory/sku-1", (String) null, Map.of()), 400);
        assertProblem(alice.post("/api/orders", "null"), 400);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"onHand\":-1,\"lowStockThreshold\":0}|onHand",
                "{\"onHand\":1,\"lowStockThreshold\":-1}|lowStockThreshold",
                "{\"lowStockThreshold\":0}|onHand",
                "{\"onHand\":1}|lowStockThreshold",
                "{\"onHand\":\"many\",\"lowStockThreshold\":0}|onHand",
                "{\"onHand\":true,\"lowStockThreshold\":0}|onHand",
                "{\"onHand\":1,\"lowStockThreshold\":0,\"name\":5}|name"
            })
    void rejectsBadCounts(String body, String field) {
        assertValidation(alice.put("/api/inventory/" + unique("sku"), body), field);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"delta\":0,\"reason\":\"x\"}|delta",
                "{\"reason\":\"x\"}|delta",
                "{\"delta\":1}|reason",
                "{\"delta\":1,\"reason\":\"  \"}|reason",
                "{\"delta\":1.5,\"reason\":\"x\"}|delta"
            })
    void rejectsBadAdjustments(String body, String field) {
        assertValidation(alice.post("/api/inventory/sku-1/adjustments", body), field);
    }

    @Test
    void rejectsBadSkusAndPaging() {
        assertValidation(alice.get("/api/inventory/" + "x".repeat(65)), "sku");
        assertValidation(alice.get("/api/inventory/a%20b"), "sku");
        assertValidation(alice.get("/api/inventory?size=0"), "size");
        assertValidation(alice.get("/api/inventory?size=201"), "size");
        assertValidation(alice.get("/api/inventory?page=-1"), "page");
        assertValidation(alice.get("/api/inventory?page=abc"), "page");
        assertValidation(alice.get("/api/inventory?low=maybe"), "low");
        assertValidation(alice.get("/api/orders?status=LOST"), "status");
        assertValidation(alice.get("/api/orders?size=1000"), "size");
    }

    @Test
    void answersUnknownRoutesAndMethods() {
        assertProblem(alice.get("/api/nothing-here"), 404);
        assertProblem(alice.get("/api/orders/" + java.util.UUID.randomUUID()), 404);
        assertProblem(alice.get("/api/orders/not%20an%20id"), 404);
        ApiClient.Response wrongMethod = alice.send("DELETE", "/api/orders", (String) null, Map.of());
        assertProblem(wrongMethod, 405);
        assertThat(wrongMethod.header("allow")).contains("GET");
        assertProblem(alice.send("PATCH", "/api/inventory/sku-1", "{}", Map.of()), 405);
    }

    @Test
    void answersUnsupportedMediaTypes() {
        assertProblem(alice.send("POST", "/api/orders", "channel=web", Map.of("Content-Type", "text/plain")), 415);
        assertProblem(
                alice.send("PUT", "/api/inventory/sku-1", "<a/>", Map.of("Content-Type", "application/xml")), 415);
    }

    @Test
    void answersProblemsEvenWhenAnotherTypeIsAccepted() {
        ApiClient.Response r =
                alice.send("GET", "/api/orders?status=LOST", (String) null, Map.of("Accept", "text/html"));
        assertThat(r.status()).isIn(400, 406);
        assertThat(r.status()).isNotEqualTo(500);
    }

    @Test
    void refusesOversizedBodies() {
        String big = "{\"channel\":\"web\",\"channelOrderId\":\"" + "x".repeat(5000) + "\",\"lines\":[]}";
        assertProblem(alice.post("/api/orders", big), 413);
        ApiClient.Response chunked = alice.raw(
                "POST",
                "/api/orders",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes())),
                Map.of("Content-Type", "application/json"));
        assertProblem(chunked, 413);
        ApiClient.Response chunkedKeyed = alice.raw(
                "POST",
                "/api/orders",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes())),
                Map.of("Content-Type", "application/json", "Idempotency-Key", unique("big")));
        assertProblem(chunkedKeyed, 413);
    }

    @Test
    void givesEveryProblemTheApisVocabulary() {
        ApiClient.Response r = alice.get("/api/orders?status=LOST");
        assertThat(r.json().path("type").asText()).startsWith("urn:syncline:problem:");
        assertThat(r.json().path("instance").asText()).isEqualTo("/api/orders");
        assertThat(r.json().path("correlationId").asText()).isEqualTo(r.header("x-correlation-id"));
    }
}
