package io.syncline.it;

import static io.syncline.it.OrderFlowIT.awaitReserved;
import static io.syncline.it.OrderFlowIT.awaitStatus;
import static io.syncline.it.OrderFlowIT.line;
import static io.syncline.it.OrderFlowIT.placeAndWait;
import static io.syncline.it.OrderFlowIT.sku;
import static io.syncline.it.OrderFlowIT.stock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncline.platform.test.ApiClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A SKU's history through HTTP on PostgreSQL: its levels at any moment and each change with its cause. */
class StockHistoryIT extends StandaloneIntegrationTest {

    @Test
    void theHistoryNamesEachChangesCauseAndGivesTheLevelsAtAnyOfThem() {
        String sku = sku("HIST");
        Instant start = Instant.now().minusSeconds(1);
        stock(alice, sku, 10);
        String orderId =
                placeAndWait(alice, List.of(line(sku, 3))).json().get("orderId").asText();
        awaitStatus(alice, orderId, "CONFIRMED");
        var adjusted = alice.post("/api/inventory/" + sku + "/adjustments", Map.of("delta", -1, "reason", "damaged"));
        assertThat(adjusted.status()).as(adjusted.body()).isEqualTo(200);
        assertThat(alice.post("/api/orders/" + orderId + "/cancellation", Map.of())
                        .status())
                .isEqualTo(202);
        awaitReserved(alice, sku, 0);

        JsonNode window = ok(alice.get(
                history(sku, "from", start.toString(), "to", Instant.now().toString())));
        List<String> types = new ArrayList<>();
        window.get("items").forEach(item -> types.add(item.get("type").asText()));
        assertThat(types)
                .containsExactly("StockDefined", "StockCounted", "StockReserved", "StockAdjusted", "StockReleased");
        JsonNode reserved = window.get("items").get(2);
        assertThat(reserved.get("orderId").asText()).isEqualTo(orderId);
        assertThat(reserved.get("channel").asText()).isEqualTo("web");
        assertThat(reserved.get("delta").asInt()).isEqualTo(-3);
        JsonNode damaged = window.get("items").get(3);
        assertThat(damaged.get("reason").asText()).isEqualTo("damaged");
        assertThat(damaged.get("user").asText()).isEqualTo("alice");
        assertThat(damaged.has("orderId")).as("no order caused it").isFalse();
        assertThat(window.get("truncated").asBoolean()).isFalse();

        JsonNode then = ok(alice.get(history(sku, "at", reserved.get("at").asText())));
        assertThat(List.of(
                        then.get("onHand").asInt(),
                        then.get("reserved").asInt(),
                        then.get("available").asInt()))
                .containsExactly(10, 3, 7);
        assertThat(then.get("changes")
                        .get(then.get("changes").size() - 1)
                        .get("type")
                        .asText())
                .isEqualTo("StockReserved");

        JsonNode now = ok(alice.get(history(sku, "at", Instant.now().toString())));
        assertThat(List.of(
                        now.get("onHand").asInt(),
                        now.get("reserved").asInt(),
                        now.get("available").asInt()))
                .containsExactly(9, 0, 9);
    }

    @Test
    void anotherMerchantsSkuHasNoHistoryAndEachMistakeNamesItsParameter() {
        String sku = sku("HIST");
        stock(alice, sku, 5);
        String now = Instant.now().toString();

        assertThat(bob.get(history(sku, "at", now)).status()).isEqualTo(404);
        assertThat(alice.get(history(sku("NONE"), "at", now)).status()).isEqualTo(404);
        invalid(alice.get("/api/inventory/" + sku + "/history"), "at");
        invalid(alice.get(history(sku, "at", "yesterday")), "at");
        invalid(alice.get(history(sku, "at", now, "from", now)), "at");
        invalid(
                alice.get(history(
                        sku,
                        "from",
                        now,
                        "to",
                        Instant.parse(now).minusSeconds(60).toString())),
                "from");
        invalid(alice.get(history(sku, "to", now)), "from");
        invalid(alice.get(history(sku, "at", now, "limit", "0")), "limit");
    }

    private static String history(String sku, String... parameters) {
        StringBuilder path = new StringBuilder("/api/inventory/" + sku + "/history");
        for (int i = 0; i < parameters.length; i += 2) {
            path.append(i == 0 ? '?' : '&')
                    .append(parameters[i])
                    .append('=')
                    .append(URLEncoder.encode(parameters[i + 1], StandardCharsets.UTF_8));
        }
        return path.toString();
    }

    private static JsonNode ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static void invalid(ApiClient.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.errorFields()).contains(field);
    }
}
