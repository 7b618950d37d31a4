package io.syncline.simulator.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncline.simulator.ChannelSimulator;
import io.syncline.simulator.ItemConfig;
import io.syncline.simulator.OrderGeneratorConfig;
import io.syncline.simulator.OrderGeneratorConfig.SkuWeight;
import io.syncline.simulator.ShopConfig;
import io.syncline.simulator.SimulatorConfig;
import io.syncline.simulator.testing.Http;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OrderGeneratorTest {

    private ChannelSimulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void placesOrdersAtItsRateFromTheMixAndTakesTheirUnitsFromTheShopsStock() {
        OrderGeneratorConfig orders = new OrderGeneratorConfig(
                200.0,
                List.of(new SkuWeight("MUG", 3.0), new SkuWeight("CUP", 1.0)),
                1,
                2,
                1,
                3,
                0.0,
                0.0,
                Duration.ZERO);
        simulator = ChannelSimulator.start(SimulatorConfig.defaults()
                .withSeed(7)
                .withShop(ShopConfig.shopify("acme")
                        .withItem(ItemConfig.of("MUG", 500))
                        .withItem(ItemConfig.of("CUP", 500))
                        .withItem(ItemConfig.of("NOT_IN_MIX", 500))
                        .withOrders(orders)));

        await().until(() -> orders().size() >= 30);
        Http.put(admin("/generator"), Map.of("ratePerSecond", 0));

        // a buyer already at the till when the generator stopped may still finish: check once all is still
        await().untilAsserted(() -> {
            JsonNode placed = orders();
            Map<String, Integer> sold = new HashMap<>();
            for (JsonNode order : placed) {
                JsonNode lines = order.path("lines");
                assertThat(lines.size()).isBetween(1, 2);
                for (JsonNode line : lines) {
                    assertThat(line.path("quantity").asInt()).isBetween(1, 3);
                    sold.merge(line.path("sku").asText(), line.path("quantity").asInt(), Integer::sum);
                }
            }
            assertThat(sold).containsOnlyKeys("MUG", "CUP");
            assertThat(quantity("MUG")).isEqualTo(500 - sold.get("MUG"));
            assertThat(quantity("CUP")).isEqualTo(500 - sold.getOrDefault("CUP", 0));
            assertThat(quantity("NOT_IN_MIX")).isEqualTo(500);
            assertThat(Http.get(admin("/generator")).json().at("/stats/placed").asLong())
                    .isEqualTo(placed.size());
        });
    }

    @Test
    void buyersArriveOnTheirOwnTimelineSoASlowOrderDoesNotLowerTheRate() {
        long ms = 1_000_000;
        // on time: the gap follows the arrival before
        assertThat(OrderGenerator.nextArrival(100 * ms, 20 * ms, 105 * ms, 1_000 * ms))
                .isEqualTo(120 * ms);
        // placing the order took longer than the gap: the next buyer is due at once, not a gap later
        assertThat(OrderGenerator.nextArrival(100 * ms, 20 * ms, 130 * ms, 1_000 * ms))
                .isEqualTo(120 * ms);
        // after a stall of the whole machine, at most the last second of buyers is caught up
        assertThat(OrderGenerator.nextArrival(100 * ms, 20 * ms, 60_000 * ms, 1_000 * ms))
                .isEqualTo(59_020 * ms);
    }

    @Test
    void sellsNothingItDoesNotHave() {
        simulator = ChannelSimulator.start(SimulatorConfig.defaults()
                .withShop(ShopConfig.tiktok("tts")
                        .withItem(ItemConfig.of("RARE", 5))
                        .withOrders(new OrderGeneratorConfig(500.0, null, 1, 1, 2, 2, 0.0, 0.0, Duration.ZERO))));

        await().until(() -> Http.get(URI.create(simulator.adminUrl() + "/shops/tts/generator"))
                        .json()
                        .at("/stats/skipped")
                        .asLong()
                > 5);

        assertThat(Http.get(URI.create(simulator.adminUrl() + "/shops/tts/items/RARE"))
                        .json()
                        .path("quantity")
                        .asInt())
                .isBetween(0, 1);
    }

    @Test
    void cancelsAndShipsAShareOfItsOrdersAfterwards() {
        simulator = ChannelSimulator.start(SimulatorConfig.defaults()
                .withSeed(11)
                .withShop(ShopConfig.shopify("acme")
                        .withItem(ItemConfig.of("MUG", 10_000))
                        .withOrders(OrderGeneratorConfig.atRate(100).withFollowUps(0.5, 0.5, Duration.ofMillis(20)))));

        await().until(() -> {
            JsonNode all = orders();
            long cancelled = count(all, "CANCELLED");
            long shipped = count(all, "SHIPPED");
            return cancelled >= 3 && shipped >= 3;
        });
        Http.put(admin("/generator"), Map.of("ratePerSecond", 0));

        // cancelled orders gave their units back; open and shipped ones keep theirs
        await().until(() -> quantity("MUG") == 10_000 - keptUnitsNow());
        assertThat(keptUnitsNow()).isPositive();
    }

    private int keptUnitsNow() {
        int kept = 0;
        for (JsonNode order : orders()) {
            if (!order.path("status").asText().equals("CANCELLED")) {
                for (JsonNode line : order.path("lines")) {
                    kept += line.path("quantity").asInt();
                }
            }
        }
        return kept;
    }

    private static long count(JsonNode orders, String status) {
        long count = 0;
        for (JsonNode order : orders) {
            if (order.path("status").asText().equals(status)) {
                count++;
            }
        }
        return count;
    }

    private JsonNode orders() {
        return Http.get(admin("/orders")).json();
    }

    private int quantity(String sku) {
        return Http.get(admin("/items/" + sku)).json().path("quantity").asInt();
    }

    private URI admin(String path) {
        return URI.create(simulator.adminUrl() + "/shops/acme" + path);
    }
}
