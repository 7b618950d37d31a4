package io.syncline.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncline.platform.test.ApiClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The conventions of the public contract through real HTTP: problems for every client mistake
 * (never 500), authentication and roles, tenancy, limits, idempotency keys, correlation ids and
 * the served API description. Metrics export is on (Spring Boot tests turn it off) so that
 * {@code /actuator/prometheus} is served.
 */
@AutoConfigureObservability(tracing = false)
class ApiConventionsIT extends StandaloneIntegrationTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    // ---- bad input: 400 problems naming the field, never 500 ----

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"channel\":\"web\",\"channelOrderId\":\"1\",\"lines\":[{\"sku\":\"a\",\"quantity\":-1}]}|lines[0].quantity",
                "{\"channel\":\"web\",\"channelOrderId\":\"1\",\"lines\":[{\"sku\":\"a\",\"quantity\":0}]}|lines[0].quantity",
                "{\"channel\":\"web\",\"channelOrderId\":\"1\",\"lines\":[{\"sku\":\"a\",\"quantity\":\"two\"}]}|lines[0].quantity",
                "{\"channel\":\"web\",\"channelOrderId\":\"1\",\"lines\":[{\"sku\":\"a\",\"quantity\":1.5}]}|lines[0].quantity",
                "{\"channel\":\"web\",\"channelOrderId\":\"1\",\"lines\":[{\"sku\":\"a\",\"quantity\":12345678901}]}|lines[0].quantity",
                "{\"channel\":\"web\",\"channelOrderId\":\"1\",\"lines\":[{\"sku\":\"a/b\",\"quantity\":1}]}|lines[0].sku",
                "{\"channel\":\"web\",\"channelOrderId\":\"1\",\"lines\":[{\"quantity\":1}]}|lines[0].sku",
                "{\"channel\":\"web\",\"channelOrderId\":\"1\",\"lines\":[]}|lines",
                "{\"channel\":\"web\",\"channelOrderId\":\"1\",\"lines\":\"a\"}|lines",
                "{\"channel\":\"web\",\"channelOrderId\":\"1\"}|lines",
                "{\"channel\":\"web shop\",\"channelOrderId\":\"1\",\"lines\":[{\"sku\":\"a\",\"quantity\":1}]}|channel",
                "{\"channel\":true,\"channelOrderId\":\"1\",\"lines\":[{\"sku\":\"a\",\"quantity\":1}]}|channel",
                "{\"channel\":\"web\",\"lines\":[{\"sku\":\"a\",\"quantity\":1}]}|channelOrderId",
                "[]|body"
            })
    void badOrdersAreValidationProblemsNamingTheField(String body, String field) {
        assertValidation(alice.send("POST", "/api/orders", body, Map.of()), field);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "PUT|/api/inventory/SKU-1|{\"onHand\":-1,\"lowStockThreshold\":0}|onHand",
                "PUT|/api/inventory/SKU-1|{\"onHand\":1,\"lowStockThreshold\":-2}|lowStockThreshold",
                "PUT|/api/inventory/SKU-1|{\"onHand\":\"ten\",\"lowStockThreshold\":0}|onHand",
                "PUT|/api/inventory/SKU-1|{\"lowStockThreshold\":0}|onHand",
                "PUT|/api/inventory/bad%20sku|{\"onHand\":1,\"lowStockThreshold\":0}|sku",
                "POST|/api/inventory/SKU-1/adjustments|{\"delta\":0,\"reason\":\"x\"}|delta",
                "POST|/api/inventory/SKU-1/adjustments|{\"delta\":\"-1\",\"reason\":\"x\"}|delta",
                "POST|/api/inventory/SKU-1/adjustments|{\"delta\":-1}|reason",
                "POST|/api/auth/token|{\"username\":\"alice\"}|password"
            })
    void badStockWritesAreValidationProblemsNamingTheField(String method, String path, String body, String field) {
        ApiClient client = path.startsWith("/api/auth") ? client() : alice;
        assertValidation(client.send(method, path, body, Map.of()), field);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/orders?status=LOST|status",
                "/api/orders?size=0|size",
                "/api/orders?page=-1|page",
                "/api/orders?page=first|page",
                "/api/inventory?size=201|size",
                "/api/inventory?low=perhaps|low"
            })
    void badQueryParametersAreValidationProblemsNamingThem(String path, String field) {
        assertValidation(alice.get(path), field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"channel\":", "not json", "{\"channel\":\"web\",}", "{'channel':'web'}"})
    void malformedJsonIsABadRequest(String body) {
        assertProblem(alice.send("POST", "/api/orders", body, Map.of()), 400);
    }

    @Test
    void aMissingBodyIsABadRequest() {
        assertProblem(alice.send("POST", "/api/orders", null, Map.of()), 400);
        assertProblem(alice.send("PUT", "/api/inventory/SKU-1", null, Map.of()), 400);
        assertProblem(alice.send("POST", "/api/orders", "null", Map.of()), 400);
    }

    @Test
    void unknownRoutesMethodsAndMediaTypesAreProblems() {
        assertProblem(alice.get("/api/no-such-thing"), 404);
        assertProblem(alice.send("DELETE", "/api/orders", null, Map.of()), 405);
        assertProblem(
                raw(
                        "POST",
                        "/api/orders",
                        alice.token(),
                        Map.of("Content-Type", "text/plain"),
                        HttpRequest.BodyPublishers.ofString("channel=web")),
                415);
    }

    @Test
    void oversizedBodiesAre413() {
        String big = "{\"channel\":\"web\",\"channelOrderId\":\"" + "x".repeat(70 * 1024) + "\",\"lines\":[]}";
        assertProblem(alice.send("POST", "/api/orders", big, Map.of()), 413);
        Http chunked = raw(
                "POST",
                "/api/orders",
                alice.token(),
                Map.of("Content-Type", "application/json"),
                HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))));
        assertProblem(chunked, 413);
    }

    // ---- identity and tenancy ----

    @Test
    void theApiNeedsAValidToken() {
        ApiClient.Response none = client().get("/api/orders");
        assertProblem(none, 401);
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
        assertProblem(raw("GET", "/api/orders", "not-a-jwt", Map.of(), HttpRequest.BodyPublishers.noBody()), 401);
        assertProblem(
                raw("GET", "/api/orders", forged(alice.token()), Map.of(), HttpRequest.BodyPublishers.noBody()), 401);
        assertProblem(
                client().send("POST", "/api/auth/token", Map.of("username", "alice", "password", "wrong"), Map.of()),
                401);
    }

    @Test
    void viewersReadButDoNotWrite() {
        ApiClient vera = client().login("vera", "secret");
        assertThat(vera.get("/api/orders").status()).isEqualTo(200);
        assertProblem(vera.put("/api/inventory/" + sku("V"), Map.of("onHand", 1, "lowStockThreshold", 0)), 403);
        assertProblem(vera.post("/api/orders", order(UUID.randomUUID().toString(), sku("V"))), 403);
    }

    @Test
    void anotherMerchantsOrdersAndSkusAreNotFound() {
        String item = sku("MINE");
        assertThat(alice.put("/api/inventory/" + item, Map.of("onHand", 5, "lowStockThreshold", 0))
                        .status())
                .isEqualTo(201);
        String orderId = placeAndWait(order(UUID.randomUUID().toString(), item))
                .json()
                .get("orderId")
                .asText();

        assertProblem(bob.get("/api/inventory/" + item), 404);
        assertProblem(bob.post("/api/inventory/" + item + "/adjustments", Map.of("delta", 1, "reason", "x")), 404);
        assertProblem(bob.get("/api/orders/" + orderId), 404);
        assertProblem(bob.post("/api/orders/" + orderId + "/cancellation", null), 404);
        assertProblem(bob.post("/api/orders/" + orderId + "/shipment", null), 404);
        assertProblem(alice.get("/api/orders/" + UUID.randomUUID()), 404);
        assertProblem(alice.get("/api/inventory/" + sku("NONE")), 404);
    }

    @Test
    void stateThatForbidsAnActionIs409() {
        String rejected = placeAndWait(order(UUID.randomUUID().toString(), sku("UNKNOWN")))
                .json()
                .get("orderId")
                .asText();
        OrderFlowIT.awaitStatus(alice, rejected, "REJECTED");
        assertProblem(alice.post("/api/orders/" + rejected + "/shipment", null), 409);

        String item = sku("RES");
        alice.put("/api/inventory/" + item, Map.of("onHand", 2, "lowStockThreshold", 0));
        placeAndWait(order(UUID.randomUUID().toString(), item));
        assertProblem(
                alice.post("/api/inventory/" + item + "/adjustments", Map.of("delta", -2, "reason", "lost")), 409);
    }

    // ---- idempotency keys ----

    @Test
    void aReplayWithTheSameKeyAndBodyGetsTheFirstResponse() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = order(UUID.randomUUID().toString(), sku("IDEM"));
        ApiClient.Response first = alice.send("POST", "/api/orders", body, Map.of("Idempotency-Key", key));
        ApiClient.Response replay = alice.send("POST", "/api/orders", body, Map.of("Idempotency-Key", key));
        assertThat(first.status()).isEqualTo(202);
        assertThat(replay.status()).isEqualTo(first.status());
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.header("Location")).isEqualTo(first.header("Location"));
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndKeysBelongToTheMerchant() {
        String key = UUID.randomUUID().toString();
        alice.send(
                "POST", "/api/orders", order(UUID.randomUUID().toString(), sku("K")), Map.of("Idempotency-Key", key));
        assertProblem(
                alice.send(
                        "POST",
                        "/api/orders",
                        order(UUID.randomUUID().toString(), sku("K")),
                        Map.of("Idempotency-Key", key)),
                422);
        assertThat(bob.send(
                                "POST",
                                "/api/orders",
                                order(UUID.randomUUID().toString(), sku("K")),
                                Map.of("Idempotency-Key", key))
                        .status())
                .isEqualTo(202);
    }

    @Test
    void aReplayWhileTheFirstRunsIs409() {
        String item = sku("SLOW");
        alice.put("/api/inventory/" + item, Map.of("onHand", 100, "lowStockThreshold", 0));
        // one request waits for its order's decision while others with the same key and body race it;
        // whichever claims the key first runs, and those arriving while it runs get 409
        boolean seen409 = false;
        for (int attempt = 0; attempt < 5 && !seen409; attempt++) {
            String key = UUID.randomUUID().toString();
            Map<String, Object> body = order(UUID.randomUUID().toString(), item);
            CompletableFuture<ApiClient.Response> waiting = CompletableFuture.supplyAsync(
                    () -> alice.send("POST", "/api/orders", body, Map.of("Idempotency-Key", key, "Prefer", "wait=10")));
            List<ApiClient.Response> responses = new ArrayList<>();
            while (!waiting.isDone()) {
                responses.add(alice.send("POST", "/api/orders", body, Map.of("Idempotency-Key", key)));
            }
            responses.add(waiting.join());
            for (ApiClient.Response r : responses) {
                assertThat(r.status()).as(r.body()).isIn(409, 201, 202);
                if (r.status() == 409) {
                    assertProblem(r, 409);
                    seen409 = true;
                }
            }
            // all that ran or replayed answered about the same single order
            assertThat(responses.stream()
                            .filter(r -> r.status() != 409)
                            .map(r -> r.json().get("orderId").asText())
                            .distinct())
                    .hasSize(1);
        }
        assertThat(seen409)
                .as("a request found the first one with its key still running")
                .isTrue();
    }

    // ---- correlation ids ----

    @Test
    void everyResponseCarriesTheCorrelationId() {
        assertThat(alice.send("GET", "/api/orders", null, Map.of("X-Correlation-Id", "it-corr-1"))
                        .header("X-Correlation-Id"))
                .isEqualTo("it-corr-1");
        assertThat(alice.get("/api/orders").header("X-Correlation-Id")).matches("[0-9a-f-]{36}");
        ApiClient.Response unauthorized =
                client().send("GET", "/api/orders", null, Map.of("X-Correlation-Id", "it-corr-401"));
        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(unauthorized.header("X-Correlation-Id")).isEqualTo("it-corr-401");
        assertThat(alice.send("POST", "/api/orders", "{", Map.of("X-Correlation-Id", "it-corr-400"))
                        .header("X-Correlation-Id"))
                .isEqualTo("it-corr-400");
    }

    // ---- the API description and the open endpoints ----

    @Test
    void theApiDescriptionListsEveryRoute() {
        ApiClient.Response docs = client().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");
        Map<String, List<String>> routes = new LinkedHashMap<>();
        routes.put("/api/auth/token", List.of("post"));
        routes.put("/api/inventory", List.of("get"));
        routes.put("/api/inventory/{sku}", List.of("get", "put"));
        routes.put("/api/inventory/{sku}/adjustments", List.of("post"));
        routes.put("/api/orders", List.of("get", "post"));
        routes.put("/api/orders/{orderId}", List.of("get"));
        routes.put("/api/orders/{orderId}/cancellation", List.of("post"));
        routes.put("/api/orders/{orderId}/shipment", List.of("post"));
        routes.put("/api/stream", List.of("get"));
        routes.forEach((path, methods) -> methods.forEach(
                m -> assertThat(paths.path(path).has(m)).as(m + " " + path).isTrue()));
        assertThat(paths.path("/api/orders")
                        .path("post")
                        .path("responses")
                        .path("400")
                        .path("content")
                        .has("application/problem+json"))
                .isTrue();
        assertThat(docs.json()
                        .path("components")
                        .path("securitySchemes")
                        .path("bearer")
                        .path("scheme")
                        .asText())
                .isEqualTo("bearer");
        assertThat(client().get("/swagger-ui.html").status()).isIn(200, 302);
        assertThat(client().get("/actuator/health").status()).isEqualTo(200);
        assertThat(client().get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(client().get("/actuator/prometheus").status()).isEqualTo(200);
    }

    // ---- rate limits, with a small limit of their own ----

    @Nested
    @TestPropertySource(
            properties = {"syncline.gateway.rate-limit.capacity=4", "syncline.gateway.rate-limit.period=PT60S"})
    class RateLimits {

        // this class runs its own server (other limits): its clients talk to that one
        @LocalServerPort
        int limitedPort;

        @Test
        void tooManyRequestsAre429WithRetryAfterAndRateLimitHeaders() {
            ApiClient user = new ApiClient(limitedPort).login("alice", "secret");
            ApiClient.Response first = user.get("/api/orders");
            assertThat(first.header("RateLimit-Policy")).isEqualTo("\"default\";q=4;w=60");
            assertThat(first.header("RateLimit")).matches("\"default\";r=3;t=\\d+");
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                statuses.add(user.get("/api/orders").status());
            }
            assertThat(statuses).containsExactly(200, 200, 200, 429);
            ApiClient.Response limited = user.get("/api/orders");
            assertProblem(limited, 429);
            assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
            assertThat(limited.header("RateLimit")).startsWith("\"default\";r=0;t=");

            // the token endpoint is limited per client address
            ApiClient.Response login = null;
            for (int i = 0; i < 5 && (login == null || login.status() != 429); i++) {
                login = new ApiClient(limitedPort)
                        .send("POST", "/api/auth/token", Map.of("username", "vera", "password", "secret"), Map.of());
            }
            assertProblem(login, 429);
            assertThat(login.header("Retry-After")).isNotBlank();
            assertThat(login.header("RateLimit-Policy")).isEqualTo("\"default\";q=4;w=60");
        }
    }

    // ---- helpers ----

    private ApiClient.Response placeAndWait(Map<String, Object> order) {
        ApiClient.Response r = alice.send("POST", "/api/orders", order, Map.of("Prefer", "wait=20"));
        assertThat(r.status()).as(r.body()).isIn(201, 202);
        return r;
    }

    private static Map<String, Object> order(String channelOrderId, String sku) {
        return Map.of(
                "channel",
                "web",
                "channelOrderId",
                channelOrderId,
                "lines",
                List.of(Map.of("sku", sku, "quantity", 1)));
    }

    private static String sku(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The token with its payload changed to claim another merchant: its signature no longer fits. */
    private static String forged(String token) {
        String[] parts = token.split("\\.");
        String payload =
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"m1\"", "\"m2\"");
        return parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
    }

    /** A response to a request ApiClient cannot make (other content types, chunked bodies, raw tokens). */
    record Http(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private Http raw(
            String method, String path, String token, Map<String, String> headers, HttpRequest.BodyPublisher body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body);
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            headers.forEach(b::header);
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> h = new LinkedHashMap<>();
            r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(), String.join(",", v)));
            return new Http(r.statusCode(), h, r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertProblem(ApiClient.Response r, int status) {
        assertProblem(new Http(r.status(), r.headers(), r.body()), status);
    }

    private static void assertProblem(Http r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).as(r.body()).startsWith("application/problem+json");
        JsonNode problem = new ApiClient.Response(r.status(), r.headers(), r.body()).json();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).isNotBlank();
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
    }

    private static void assertValidation(ApiClient.Response r, String field) {
        assertProblem(r, 400);
        List<String> fields = new ArrayList<>();
        r.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).as(r.body()).contains(field);
    }
}
