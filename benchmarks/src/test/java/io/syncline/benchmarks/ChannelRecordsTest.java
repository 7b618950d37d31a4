package io.syncline.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The figures of a run, from records shaped as the event browser, the inbox and the shops' logs give them. */
class ChannelRecordsTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private long position;

    @Test
    void figuresComeFromTheRecordsAndSurviveARoundTripThroughTheFile(@TempDir Path dir) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        events.add(stock("StockDefined", "CHAN-0001", 0, 0, 0, -60_000));
        events.add(stock("StockCounted", "CHAN-0001", 1, 100, 0, -59_000));
        events.add(stock("StockReserved", "CHAN-0001", 2, 100, 2, 1_100));
        events.add(event("OrderPlaced", placed("o1", "1001"), 1_150));
        events.add(event("OrderConfirmed", Map.of("orderId", "o1"), 1_200));
        events.add(event("OrderPlaced", placed("o2", "1002"), 2_150));
        events.add(stock("StockReserved", "CHAN-0001", 3, 100, 3, 2_100));
        events.add(event("OrderRejected", Map.of("orderId", "o2"), 2_500));

        List<JsonNode> shopifyInbox = List.of(
                delivery("d1", "orders/create", "o1", 1_000, "PROCESSED", 1),
                delivery("d2", "inventory_levels/update", null, 1_050, "PROCESSED", 1),
                delivery("d3", "orders/create", "o2", 2_000, "FAILED", 3));
        List<ShopRequests.Entry> shopifyRequests = List.of(
                new ShopRequests.Entry(
                        T0.minusSeconds(50), "inventorySetQuantities", "applied", Map.of("CHAN-0001", 100)),
                new ShopRequests.Entry(
                        T0.plusMillis(1_500), "inventorySetQuantities", "stale", Map.of("CHAN-0001", 98)),
                new ShopRequests.Entry(
                        T0.plusMillis(1_600), "inventorySetQuantities", "applied", Map.of("CHAN-0001", 98)),
                new ShopRequests.Entry(T0.plusMillis(2_400), "inventoryItem", "read", Map.of("CHAN-0001", 97)));
        List<ShopWebhooks.Copy> shopifyCopies = List.of(
                new ShopWebhooks.Copy("w1", "orders/create", 1, "DELIVERED", 1, T0.plusMillis(990)),
                new ShopWebhooks.Copy("w2", "orders/create", 1, "DELIVERED", 2, T0.plusMillis(1_990)));
        ChannelRecords records = new ChannelRecords(
                "header",
                T0,
                T0.plusSeconds(10),
                T0.plusSeconds(20),
                Map.of(ChannelBenchmark.SHOPIFY, 1L, ChannelBenchmark.TIKTOK, 0L),
                Map.of(
                        ChannelBenchmark.SHOPIFY,
                        List.of(
                                new ChannelLatency.ShopOrder("1001", T0.plusMillis(980)),
                                new ChannelLatency.ShopOrder("1002", T0.plusMillis(1_980))),
                        ChannelBenchmark.TIKTOK,
                        List.of()),
                1_000,
                200,
                "1.00 1.00 1.00",
                "2.00 1.50 1.10",
                events,
                Map.of(ChannelBenchmark.SHOPIFY, shopifyInbox, ChannelBenchmark.TIKTOK, List.of()),
                Map.of(ChannelBenchmark.SHOPIFY, shopifyRequests, ChannelBenchmark.TIKTOK, List.of()),
                Map.of(ChannelBenchmark.SHOPIFY, shopifyCopies, ChannelBenchmark.TIKTOK, List.of()),
                0,
                1,
                2,
                "syncline.log",
                0,
                0,
                List.of(),
                null);
        Path file = dir.resolve("records.json");
        records.write(file);

        List<ChannelReport.Column> columns = ChannelBenchmark.figures(ChannelRecords.read(file));

        ChannelReport.Column shopify = columns.get(0);
        assertThat(shopify.orders().created).isEqualTo(2);
        assertThat(shopify.orders().placed).isEqualTo(2);
        assertThat(shopify.skipped()).isEqualTo(1);
        assertThat(shopify.orders().confirmed).isEqualTo(1);
        assertThat(shopify.orders().rejected).isEqualTo(1);
        assertThat(shopify.orders().percentileMillis(50)).isBetween(199.0, 201.0);
        assertThat(shopify.orders().maxMillis()).isBetween(499.0, 501.0);
        assertThat(shopify.deliveries()).isEqualTo(3);
        assertThat(shopify.deliveriesFailed()).isEqualTo(1);
        assertThat(shopify.deliveriesRetried()).isEqualTo(1);
        assertThat(shopify.copiesSent()).isEqualTo(2);
        assertThat(shopify.copiesRetried()).isEqualTo(1);
        // 100 -> 98 at 1_100 shown at 1_600; 98 -> 97 at 2_100 never pushed
        assertThat(shopify.changes()).isEqualTo(2);
        assertThat(shopify.pushes().acknowledged).isEqualTo(1);
        assertThat(shopify.pushes().unacknowledged).isEqualTo(1);
        assertThat(ChannelLatency.maxMillis(shopify.pushes().micros)).isBetween(499.0, 501.0);
        assertThat(shopify.pushesApplied()).isEqualTo(1);
        assertThat(shopify.pushCalls()).isEqualTo(2);
        assertThat(shopify.pushCallsNotApplied()).isEqualTo(1);
        ChannelReport.Column both = columns.get(2);
        assertThat(both.orders().created).isEqualTo(2);
        // the TikTok shop lists the same SKU and was never pushed its changes
        assertThat(both.changes()).isEqualTo(4);
        assertThat(ChannelReport.exitCode(columns)).isEqualTo(1);
    }

    private static Map<String, Object> placed(String orderId, String channelOrderId) {
        return Map.of("orderId", orderId, "channel", ChannelBenchmark.SHOPIFY, "channelOrderId", channelOrderId);
    }

    private JsonNode stock(String type, String sku, long sequence, int onHand, int reserved, long millis) {
        ObjectNode e = event(type, Map.of("sku", sku, "onHand", onHand, "reserved", reserved), millis);
        e.put("aggregateId", "stock-" + sku);
        e.put("sequence", sequence);
        return e;
    }

    private ObjectNode event(String type, Map<String, Object> payload, long millis) {
        ObjectNode e = JsonHttp.JSON.createObjectNode();
        e.put("position", ++position);
        e.put("type", type);
        e.put("timestamp", T0.plusMillis(millis).toString());
        e.set("payload", JsonHttp.JSON.valueToTree(payload));
        return e;
    }

    private static JsonNode delivery(
            String id, String topic, String orderId, long receivedMillis, String status, int attempts) {
        ObjectNode d = JsonHttp.JSON.createObjectNode();
        d.put("deliveryId", id);
        d.put("topic", topic);
        d.put("receivedAt", T0.plusMillis(receivedMillis).toString());
        d.put("status", status);
        d.put("attempts", attempts);
        if (orderId == null) {
            d.putNull("orderId");
        } else {
            d.put("orderId", orderId);
        }
        return d;
    }
}
