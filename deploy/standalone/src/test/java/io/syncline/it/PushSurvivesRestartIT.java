package io.syncline.it;

import static io.syncline.it.OrderFlowIT.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncline.SynclineApplication;
import io.syncline.platform.test.ApiClient;
import io.syncline.platform.test.TestDatabases;
import io.syncline.simulator.ChannelSimulator;
import io.syncline.simulator.ItemConfig;
import io.syncline.simulator.ShopConfig;
import io.syncline.simulator.SimulatorConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A push pending when the application stops (its shop was down) is sent after the next start, from the
 * listing's durable row, with no new stock change to prompt it.
 */
class PushSurvivesRestartIT {

    private static final String SKU = "RESTART-MUG";

    @Test
    void aPendingPushIsSentAfterARestart() {
        String db = TestDatabases.create("syncline_push_restart");
        try (ChannelSimulator simulator = ChannelSimulator.start(SimulatorConfig.defaults())) {
            ShopConfig shop =
                    simulator.addShop(ShopConfig.shopify("restart").withItems(List.of(ItemConfig.of(SKU, 0))));
            ApiClient shops = new ApiClient(simulator.port());
            try (ConfigurableApplicationContext first = start(db)) {
                ApiClient root = new ApiClient(port(first)).login("root", "secret");
                connect(root, simulator, shop);
                assertThat(root.put("/api/inventory/" + SKU, Map.of("onHand", 10, "lowStockThreshold", 0))
                                .status())
                        .isEqualTo(201);
                await(() -> shown(shops) == 10, "in sync before the outage");

                assertThat(shops.put("/admin/shops/restart/faults/down", Map.of("mode", "UNAVAILABLE", "for", "PT10M"))
                                .status())
                        .isEqualTo(200);
                assertThat(root.post("/api/inventory/" + SKU + "/adjustments", Map.of("delta", -4, "reason", "damaged"))
                                .status())
                        .isEqualTo(200);
                await(
                        () -> {
                            JsonNode status =
                                    root.get("/api/channels/restart/status").json();
                            return status.get("pendingPushes").asLong() == 1
                                    && status.get("failedPushes").asLong() == 1;
                        },
                        "the push pending and failing while the shop is down");
            }
            assertThat(shops.send("DELETE", "/admin/shops/restart/faults/down", null, Map.of())
                            .status())
                    .isIn(200, 204);
            assertThat(shown(shops)).isEqualTo(10);

            try (ConfigurableApplicationContext second = start(db)) {
                await(() -> shown(shops) == 6, "the pending push sent after the restart");
                ApiClient root = new ApiClient(port(second)).login("root", "secret");
                await(
                        () -> root.get("/api/channels/restart/status")
                                        .json()
                                        .get("pendingPushes")
                                        .asLong()
                                == 0,
                        "nothing pending any more");
            }
        }
    }

    private static void connect(ApiClient root, ChannelSimulator simulator, ShopConfig shop) {
        ApiClient.Response channel = root.put(
                "/api/channels/restart",
                Map.of(
                        "kind", "SHOPIFY",
                        "apiBaseUrl", simulator.apiBaseUrl("restart").toString(),
                        "webhookSecret", shop.webhookSecret(),
                        "accessToken", shop.accessToken(),
                        "locationId", "gid://shopify/Location/" + shop.locationId()));
        assertThat(channel.status()).as(channel.body()).isEqualTo(201);
        ApiClient.Response listing = root.put(
                "/api/channels/restart/listings/" + SKU,
                Map.of(
                        "inventoryItemId",
                        "gid://shopify/InventoryItem/" + shop.items().get(0).inventoryItemId()));
        assertThat(listing.status()).as(listing.body()).isEqualTo(201);
    }

    private static int shown(ApiClient shops) {
        return shops.get("/admin/shops/restart/items/" + SKU)
                .json()
                .get("quantity")
                .asInt();
    }

    private static ConfigurableApplicationContext start(String db) {
        return new SpringApplicationBuilder(SynclineApplication.class)
                .profiles("postgres", "it")
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + db,
                        "--spring.datasource.username=" + TestDatabases.USER,
                        "--spring.datasource.password=" + TestDatabases.PASSWORD,
                        "--syncline.channels.push.retry.initial-interval=200ms",
                        "--syncline.channels.push.retry.max-interval=1s");
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
