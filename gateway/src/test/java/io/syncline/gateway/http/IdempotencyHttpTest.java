package io.syncline.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncline.platform.test.ApiClient;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class IdempotencyHttpTest extends EdgeTest {

    private static String order(String channelOrderId, String sku) {
        return "{\"channel\":\"web\",\"channelOrderId\":\"" + channelOrderId + "\",\"lines\":[{\"sku\":\"" + sku
                + "\",\"quantity\":1}]}";
    }

    @Test
    void replaysTheFirstResponse() {
        String key = unique("key");
        String body = order(unique("c"), "sku-1");
        ApiClient.Response first = alice.send("POST", "/api/orders", body, Map.of("Idempotency-Key", key));
        ApiClient.Response replay = alice.send("POST", "/api/orders", body, Map.of("Idempotency-Key", key));
        assertThat(first.status()).isEqualTo(202);
        assertThat(replay.status()).isEqualTo(202);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.header("location")).isEqualTo(first.header("location"));
        assertThat(replay.header("idempotent-replayed")).isEqualTo("true");
        assertThat(replay.header("x-correlation-id")).isNotEqualTo(first.header("x-correlation-id"));
        assertThat(orders.metadata.stream()
                        .filter(m -> first.header("x-correlation-id").equals(m.get("correlationId"))))
                .hasSize(1);
    }

    @Test
    void refusesTheSameKeyForAnotherBody() {
        String key = unique("key");
        alice.send("POST", "/api/orders", order(unique("c"), "sku-1"), Map.of("Idempotency-Key", key));
        assertProblem(
                alice.send("POST", "/api/orders", order(unique("c"), "sku-1"), Map.of("Idempotency-Key", key)), 422);
    }

    @Test
    void refusesAReplayWhileTheFirstRuns() {
        String key = unique("key");
        String body = order(unique("c"), "slow-1");
        CompletableFuture<ApiClient.Response> first = CompletableFuture.supplyAsync(
                () -> alice.send("POST", "/api/orders", body, Map.of("Idempotency-Key", key, "Prefer", "wait=2")));
        sleep(700);
        assertProblem(alice.send("POST", "/api/orders", body, Map.of("Idempotency-Key", key)), 409);
        assertThat(first.join().status()).isEqualTo(202);
        assertThat(alice.send("POST", "/api/orders", body, Map.of("Idempotency-Key", key))
                        .status())
                .isEqualTo(202);
    }

    @Test
    void scopesKeysToTheMerchant() {
        String key = unique("key");
        ApiClient.Response a =
                alice.send("POST", "/api/orders", order(unique("c"), "sku-1"), Map.of("Idempotency-Key", key));
        ApiClient.Response b =
                bob.send("POST", "/api/orders", order(unique("c"), "sku-1"), Map.of("Idempotency-Key", key));
        assertThat(a.status()).isEqualTo(202);
        assertThat(b.status()).isEqualTo(202);
        assertThat(b.header("idempotent-replayed")).isNull();
    }

    @Test
    void keepsClientErrorsButReleasesAfterServerErrors() {
        String key = unique("key");
        ApiClient.Response invalid = alice.send("POST", "/api/orders", "{}", Map.of("Idempotency-Key", key));
        assertProblem(invalid, 400);
        ApiClient.Response again = alice.send("POST", "/api/orders", "{}", Map.of("Idempotency-Key", key));
        assertThat(again.header("idempotent-replayed")).isEqualTo("true");
        assertThat(again.body()).isEqualTo(invalid.body());
    }

    @Test
    void releasesTheKeyWhenTheFirstAttemptFailedOnTheServer() {
        String key = unique("key");
        String body = order(unique("c"), "boom-1");
        ApiClient.Response failed = alice.send("POST", "/api/orders", body, Map.of("Idempotency-Key", key));
        assertProblem(failed, 500);
        ApiClient.Response retried = alice.send("POST", "/api/orders", body, Map.of("Idempotency-Key", key));
        assertProblem(retried, 500);
        assertThat(retried.header("idempotent-replayed")).isNull();
        assertThat(retried.json().path("correlationId").asText())
                .isNotEqualTo(failed.json().path("correlationId").asText());
    }

    @Test
    void coversAdjustments() {
        String sku = unique("idem");
        alice.put("/api/inventory/" + sku, "{\"onHand\":10,\"lowStockThreshold\":0}");
        String key = unique("key");
        String body = "{\"delta\":-1,\"reason\":\"sold\"}";
        alice.send("POST", "/api/inventory/" + sku + "/adjustments", body, Map.of("Idempotency-Key", key));
        ApiClient.Response replay =
                alice.send("POST", "/api/inventory/" + sku + "/adjustments", body, Map.of("Idempotency-Key", key));
        assertThat(replay.json().path("onHand").asInt()).isEqualTo(9);
        assertThat(alice.get("/api/inventory/" + sku).json().path("onHand").asInt())
                .isEqualTo(9);
    }

    @Test
    void rejectsUnusableKeys() {
        assertValidation(
                alice.send("POST", "/api/orders", "{}", Map.of("Idempotency-Key", "x".repeat(256))), "Idempotency-Key");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
