package io.syncline.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncline.platform.test.ApiClient;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

class CorrelationHttpTest extends EdgeTest {

    @Test
    void echoesTheClientsCorrelationId() {
        ApiClient.Response r = alice.send("GET", "/api/orders", (String) null, Map.of("X-Correlation-Id", "abc-123"));
        assertThat(r.header("x-correlation-id")).isEqualTo("abc-123");
    }

    @Test
    void generatesOneWhenAbsentOrUnusable() {
        assertThat(alice.get("/api/orders").header("x-correlation-id")).matches("[0-9a-f-]{36}");
        ApiClient.Response r =
                alice.send("GET", "/api/orders", (String) null, Map.of("X-Correlation-Id", "bad id\u00e9"));
        assertThat(r.header("x-correlation-id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void putsItOnErrorsToo() {
        ApiClient.Response unauthorized =
                anonymous.send("GET", "/api/orders", (String) null, Map.of("X-Correlation-Id", "c-401"));
        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(unauthorized.header("x-correlation-id")).isEqualTo("c-401");
        assertThat(unauthorized.json().path("correlationId").asText()).isEqualTo("c-401");
        ApiClient.Response tooLarge =
                alice.send("POST", "/api/orders", "x".repeat(5000), Map.of("X-Correlation-Id", "c-413"));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.header("x-correlation-id")).isEqualTo("c-413");
        assertThat(alice.send("GET", "/nowhere", (String) null, Map.of("X-Correlation-Id", "c-404"))
                        .header("x-correlation-id"))
                .isEqualTo("c-404");
    }

    @Test
    void sendsItAndTheUserWithEveryCommandAndQuery() {
        String sku = unique("corr");
        alice.send(
                "PUT",
                "/api/inventory/" + sku,
                "{\"onHand\":1,\"lowStockThreshold\":0}",
                Map.of("X-Correlation-Id", "corr-put"));
        MetaData count = inventory.metadata.stream()
                .filter(m -> "corr-put".equals(m.get("correlationId")))
                .findFirst()
                .orElseThrow();
        assertThat(count.get("userId")).isEqualTo("alice");

        alice.send(
                "POST",
                "/api/orders",
                "{\"channel\":\"web\",\"channelOrderId\":\"" + unique("c")
                        + "\",\"lines\":[{\"sku\":\"a\",\"quantity\":1}]}",
                Map.of("X-Correlation-Id", "corr-order"));
        assertThat(orders.metadata)
                .anyMatch(m -> "corr-order".equals(m.get("correlationId")) && "alice".equals(m.get("userId")));
    }
}
