package io.syncline.it;

import static io.syncline.it.OrderFlowIT.await;
import static io.syncline.it.OrderFlowIT.line;
import static io.syncline.it.OrderFlowIT.placeAndWait;
import static io.syncline.it.OrderFlowIT.sku;
import static io.syncline.it.OrderFlowIT.stock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncline.it.StreamIT.Event;
import io.syncline.it.StreamIT.Sse;
import io.syncline.platform.test.ApiClient;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Insights through HTTP on PostgreSQL: orders move a SKU's velocity and cover, and a fast seller predicts its stock-out. */
class InsightsIT extends StandaloneIntegrationTest {

    @Test
    void ordersMoveVelocityAndCoverAndAFastSellerPredictsItsStockOutOnce() {
        try (Sse stream = Sse.open(port, alice.token(), "?topics=inventory", null)) {
            String sku = sku("FAST");
            stock(alice, sku, 20);
            JsonNode before = awaitInsights(sku, i -> true);
            assertThat(before.get("velocity").get("lastHour").asDouble()).isZero();
            assertThat(before.get("daysOfCover").isNull())
                    .as("nothing sold, nothing to cover")
                    .isTrue();
            assertThat(before.get("forecast").isNull())
                    .as("no whole day of history")
                    .isTrue();
            assertThat(before.get("model").asText()).isEqualTo("RATE_SO_FAR");

            for (int i = 0; i < 5; i++) {
                placeAndWait(alice, List.of(line(sku, 1)));
            }
            // 5 units within the SKU's first hour: 120 a day; 15 left last an eighth of a day
            JsonNode after =
                    awaitInsights(sku, i -> i.get("velocity").get("lastHour").asDouble() == 120.0);
            assertThat(after.get("available").asInt()).isEqualTo(15);
            assertThat(after.get("daysOfCover").asDouble()).isEqualTo(0.13);
            assertThat(after.get("daysOfCoverLow").asDouble()).isLessThan(0.13);
            assertThat(after.get("daysOfCoverHigh").asDouble()).isGreaterThan(0.13);
            assertThat(Instant.parse(after.get("stockoutAt").asText())).isAfter(Instant.now());
            assertThat(after.get("sales").get(27).get("units").asInt()).isEqualTo(5);
            JsonNode covers =
                    alice.get("/api/insights/cover?skus=" + sku + ",NOPE").json();
            assertThat(covers.get("items")).hasSize(1);
            assertThat(covers.get("items").get(0).get("daysOfCover").asDouble()).isEqualTo(0.13);

            Event alert = stream.await(
                    e -> e.is("stock.stockout-predicted") && e.field("sku").equals(sku));
            assertThat(alert.data().get("daysOfCover").asDouble()).isLessThan(3);
            assertThat(alert.data().get("coverAlertDays").asDouble()).isEqualTo(3);
            assertThat(alert.merchantId()).isEqualTo("m1");

            for (int i = 0; i < 3; i++) {
                placeAndWait(alice, List.of(line(sku, 1)));
            }
            awaitInsights(sku, i -> i.get("velocity").get("lastHour").asDouble() == 192.0);
            // stored after any alert the later orders could have raised: once it is here, such an alert would be too
            String marker = sku("MARKER");
            stock(alice, marker, 1);
            stream.await(e -> e.is("stock.changed") && e.field("sku").equals(marker));
            assertThat(stream.received())
                    .filteredOn(e ->
                            e.is("stock.stockout-predicted") && e.field("sku").equals(sku))
                    .hasSize(1);
        }
    }

    @Test
    void anotherMerchantsSkuHasNoInsightsAndAnomaliesCheckTheirWindow() {
        String sku = sku("INS");
        stock(alice, sku, 5);
        awaitInsights(sku, i -> true);

        assertThat(bob.get("/api/inventory/" + sku + "/insights").status()).isEqualTo(404);
        assertThat(alice.get("/api/inventory/" + sku("NONE") + "/insights").status())
                .isEqualTo(404);

        ApiClient.Response anomalies = alice.get("/api/insights/anomalies");
        assertThat(anomalies.status()).as(anomalies.body()).isEqualTo(200);
        assertThat(anomalies.json().get("items").isArray()).isTrue();
        invalid(alice.get("/api/insights/anomalies?from=2026-12-04T10:00:00Z&to=2026-12-03T10:00:00Z"), "from");
        invalid(alice.get("/api/insights/anomalies?from=2026-10-01T00:00:00Z&to=2026-12-03T10:00:00Z"), "from");
        invalid(alice.get("/api/insights/anomalies?to=soon"), "to");
    }

    private JsonNode awaitInsights(String sku, java.util.function.Predicate<JsonNode> wanted) {
        JsonNode[] last = new JsonNode[1];
        await(
                () -> {
                    ApiClient.Response r = alice.get("/api/inventory/" + sku + "/insights");
                    if (r.status() != 200) {
                        return false;
                    }
                    last[0] = r.json();
                    return wanted.test(last[0]);
                },
                "insights of " + sku);
        return last[0];
    }

    private static void invalid(ApiClient.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.errorFields()).contains(field);
    }
}
